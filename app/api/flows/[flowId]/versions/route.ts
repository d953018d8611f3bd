import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { listVersions } from "@/app/_server/versions/list-versions";

export const GET = withSession("flow.view", async ({ session, params }) => {
  return Response.json(await listVersions(session, flowIdFrom(params)));
});
