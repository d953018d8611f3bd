import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { pressKeys } from "@/app/_server/test-calls/press-keys";
import { callIdParamsSchema, dtmfInputSchema } from "@/app/_server/test-calls/test-call-input";

/** Body: { digits }: keys the test caller presses. */
export const POST = withSession("flow.editDraft", async ({ req, session, params }) => {
  const { flowId, callId } = parseInput(callIdParamsSchema, params, "params");
  const { digits } = parseInput(dtmfInputSchema, await readJsonBody(req, smallBodyLimit));
  await pressKeys(session, flowId, callId, digits);
  return new Response(null, { status: 204 });
});
