import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { restoreFlow } from "@/app/_server/flows/restore-flow";

export const POST = withSession("flow.restore", async ({ session, params }) => {
  return Response.json({ flow: await restoreFlow(session, flowIdFrom(params)) });
});
