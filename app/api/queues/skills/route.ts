import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { listSkills, saveSkill } from "@/app/_server/queues/manage-skills";
import { skillInputSchema } from "@/app/_server/queues/queue-inputs";

export const GET = withSession("user.manage", async () => Response.json({ skills: await listSkills() }));

export const POST = withSession("user.manage", async ({ req, session }) => {
  const input = parseInput(skillInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ skill: await saveSkill(session, null, input) }, { status: 201 });
});
