import { withSession } from "@/app/_server/auth/require-session";
import { setSecretBinding, setSecretBindingInputSchema } from "@/app/_server/http-allow-list/manage-http-allow-list";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";

/** Body: { secret, destinations }: replaces where the secret may be sent. */
export const PUT = withSession("user.manage", async ({ req, session }) => {
  const input = parseInput(setSecretBindingInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ binding: await setSecretBinding(session, input) });
});
