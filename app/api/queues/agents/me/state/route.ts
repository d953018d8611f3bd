import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { getOwnAgentState, setOwnAgentState } from "@/app/_server/queues/own-agent-state";
import { ownAgentStateInputSchema } from "@/app/_server/queues/queue-inputs";

/** The signed-in agent's own state (403 not_an_agent without an agent profile). */
export const GET = withSession("signed-in", async ({ session }) => Response.json({ agentState: await getOwnAgentState(session) }));

/** Body: { state: "available" | "not_ready" | "offline", reasonId? }: sign in, a break with its reason, sign out. 409 agent_busy during a call. */
export const PUT = withSession("signed-in", async ({ req, session }) => {
  const input = parseInput(ownAgentStateInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ agentState: await setOwnAgentState(session, input) });
});
