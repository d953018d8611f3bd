import { withSession } from "@/app/_server/auth/require-session";
import { removeAllowedHost } from "@/app/_server/http-allow-list/manage-http-allow-list";
import { paramFrom } from "@/app/_server/http/route-param";

/** Removes the destination: HTTP request nodes can no longer call it (workers notice within seconds). */
export const DELETE = withSession("user.manage", async ({ session, params }) => {
  return Response.json({ host: await removeAllowedHost(session, paramFrom(params, "entryId")) });
});
