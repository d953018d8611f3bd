import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import type { Session } from "@/app/_server/auth/session";

/** The session with the request's UI language (the switcher's cookie first): field and row messages are written in it. */
export const withReaderLocale = (req: Request, session: Session): Session => ({ ...session, locale: localeFromHeaders(req.headers, session.locale) });
