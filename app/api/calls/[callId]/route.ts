import { withSession } from "@/app/_server/auth/require-session";
import { getCall } from "@/app/_server/calls/get-call";
import { paramFrom } from "@/app/_server/http/route-param";

/** One call: its trace, what the caller heard, HTTP requests and recordings. */
export const GET = withSession("call.view", async ({ params }) => {
  return Response.json({ call: await getCall(paramFrom(params, "callId")) });
});
