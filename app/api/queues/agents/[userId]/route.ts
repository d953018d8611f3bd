import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { setAgentProfile } from "@/app/_server/queues/manage-agents";
import { agentProfileInputSchema } from "@/app/_server/queues/queue-inputs";

/** Creates or replaces the agent's profile and skills (409 not_an_agent for other roles). */
export const PUT = withSession("user.manage", async ({ req, session, params }) => {
  const input = parseInput(agentProfileInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ agent: await setAgentProfile(session, paramFrom(params, "userId"), input) });
});
