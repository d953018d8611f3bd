import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { actOnCall } from "@/app/_server/queues/agent-desk";
import { agentActionInputSchema } from "@/app/_server/queues/queue-inputs";

/** Body: { callId, action: "decline" | "hangup" }: told to the call's workflow (202; 403 not_your_call, 409 when the call is not in that state). */
export const POST = withSession("signed-in", async ({ req, session }) => {
  const input = parseInput(agentActionInputSchema, await readJsonBody(req, smallBodyLimit));
  await actOnCall(session, input);
  return Response.json({ sent: input.action }, { status: 202 });
});
