import { localeCookieName } from "@/app/_i18n/locales";
import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { setUserLocale, setUserLocaleInputSchema } from "@/app/_server/users/set-user-locale";

export const PUT = withSession("signed-in", async ({ req, session }) => {
  const input = parseInput(setUserLocaleInputSchema, await readJsonBody(req, smallBodyLimit));
  const result = await setUserLocale(session, input);
  const response = Response.json(result);
  // The cookie wins over the preference carried in the session token, which is only refreshed at sign-in.
  response.headers.append("set-cookie", `${localeCookieName}=${result.locale}; Path=/; Max-Age=31536000; SameSite=Lax`);
  return response;
});
