import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { readSession } from "@/app/_server/auth/read-session";
import { localeFromHeaders } from "./locale-from-headers";
import { loadMessages } from "./load-messages";
import { timeZone } from "./time-zone";

// next-intl without locale-prefixed routes: the language comes from the cookie or the user's preference.
export default getRequestConfig(async () => {
  const requestHeaders = await headers();
  const session = await readSession(requestHeaders);
  const locale = localeFromHeaders(requestHeaders, session?.locale);
  return { locale, messages: loadMessages(locale), timeZone: timeZone() };
});
