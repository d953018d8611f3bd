import { withSession } from "@/app/_server/auth/require-session";
import { revokeApiToken } from "@/app/_server/api-tokens/manage-api-tokens";
import { paramFrom } from "@/app/_server/http/route-param";

/** Revokes the token: an administrator anyone's, everyone else their own. */
export const DELETE = withSession("person", async ({ session, params }) => {
  return Response.json({ apiToken: await revokeApiToken(session, paramFrom(params, "tokenId")) });
});
