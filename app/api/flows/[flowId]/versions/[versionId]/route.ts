import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { paramFrom } from "@/app/_server/http/route-param";
import { getVersion } from "@/app/_server/versions/get-version";

export const GET = withSession("flow.view", async ({ session, params }) => {
  return Response.json({ version: await getVersion(session, flowIdFrom(params), paramFrom(params, "versionId")) });
});
