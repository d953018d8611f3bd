import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { getAgentDesk, saveWrapUp } from "@/app/_server/queues/agent-desk";
import { wrapUpInputSchema } from "@/app/_server/queues/queue-inputs";

/** The disposition and note of the agent's current or wrap-up call (call null when there is none). */
export const GET = withSession("signed-in", async ({ session }) => {
  const { call } = await getAgentDesk(session);
  return Response.json({ call: call === null ? null : { id: call.id, status: call.status, disposition: call.disposition, wrapUpNote: call.wrapUpNote } });
});

/** Body: { callId, dispositionId, note?, then?: "available" | "not_ready", reasonId? }: saves and ends wrap-up. */
export const PUT = withSession("signed-in", async ({ req, session }) => {
  const input = parseInput(wrapUpInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ desk: await saveWrapUp(session, input) });
});
