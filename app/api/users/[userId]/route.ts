import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { updateUser, updateUserInputSchema } from "@/app/_server/users/update-user";

/** Body: { role?, active? }. */
export const PATCH = withSession("user.manage", async ({ req, session, params }) => {
  const input = parseInput(updateUserInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ user: await updateUser(session, paramFrom(params, "userId"), input) });
});
