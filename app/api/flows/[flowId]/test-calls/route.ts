import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { startTestCall } from "@/app/_server/test-calls/start-test-call";

/** Places a simulated call running the current draft; 422 invalid_graph with every issue when it cannot run. */
export const POST = withSession("flow.editDraft", async ({ req, session, params }) => {
  const started = await startTestCall(session, flowIdFrom(params), localeFromHeaders(req.headers, session.locale));
  return Response.json({ testCall: started }, { status: 201 });
});
