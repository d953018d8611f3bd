import { withSession } from "@/app/_server/auth/require-session";
import { parseInput } from "@/app/_server/http/parse-input";
import { getTestCall } from "@/app/_server/test-calls/get-test-call";
import { hangUpTestCall } from "@/app/_server/test-calls/press-keys";
import { callIdParamsSchema } from "@/app/_server/test-calls/test-call-input";

/** Steps, prompts, variables and state of a test call; polled by the designer. */
export const GET = withSession("flow.editDraft", async ({ session, params }) => {
  const { flowId, callId } = parseInput(callIdParamsSchema, params, "params");
  return Response.json({ testCall: await getTestCall(session, flowId, callId) }, { headers: { "Cache-Control": "no-store" } });
});

/** The caller hangs up. */
export const DELETE = withSession("flow.editDraft", async ({ session, params }) => {
  const { flowId, callId } = parseInput(callIdParamsSchema, params, "params");
  await hangUpTestCall(session, flowId, callId);
  return new Response(null, { status: 204 });
});
