import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { deleteSkill, saveSkill } from "@/app/_server/queues/manage-skills";
import { skillInputSchema } from "@/app/_server/queues/queue-inputs";

export const PUT = withSession("user.manage", async ({ req, session, params }) => {
  const input = parseInput(skillInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ skill: await saveSkill(session, paramFrom(params, "skillId"), input) });
});

/** Also removes it from every agent; 409 skill_in_use while a queue requires it. */
export const DELETE = withSession("user.manage", async ({ session, params }) => Response.json({ skill: await deleteSkill(session, paramFrom(params, "skillId")) }));
