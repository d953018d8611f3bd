import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { startTestCall } from "@/app/_server/test-calls/start-test-call";
import { testCallInputSchema } from "@/app/_server/test-calls/test-call-input";

/** Body: { pretend? }. Places a simulated call running the current draft; 422 invalid_graph with every issue when it cannot run. */
export const POST = withSession("flow.editDraft", async ({ req, session, params }) => {
  const { pretend } = parseInput(testCallInputSchema, await readJsonBody(req, smallBodyLimit));
  const started = await startTestCall(session, flowIdFrom(params), localeFromHeaders(req.headers, session.locale), pretend);
  return Response.json({ testCall: started }, { status: 201 });
});
