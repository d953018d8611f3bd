import { withSession } from "@/app/_server/auth/require-session";
import { removeSecretBinding } from "@/app/_server/http-allow-list/manage-http-allow-list";
import { paramFrom } from "@/app/_server/http/route-param";

/** Removes the binding: flows can no longer send that secret anywhere. */
export const DELETE = withSession("user.manage", async ({ session, params }) => {
  return Response.json({ binding: await removeSecretBinding(session, paramFrom(params, "secret")) });
});
