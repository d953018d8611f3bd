import { z } from "zod";
import type { AppRole } from "./roles";
import type { AppLocale } from "@/app/_i18n/locales";

/**
 * What the next-auth JWT carries (see auth-options.ts callbacks), checked rather than trusted by shape.
 * Only the ids are believed: the role, name and locale are read from the database on every request
 * (read-session.ts), so a cookie never outlives a demotion.
 */
export const sessionTokenSchema = z.object({
  sub: z.string().min(1),
  /** AuthSession.id: the sign-in this cookie belongs to. */
  sid: z.string().min(1),
});
export type SessionToken = z.infer<typeof sessionTokenSchema>;

export interface ApiTokenPrincipal {
  id: string;
  name: string;
  /** Permission actions the token may use; its user's role still has to allow them too. */
  scopes: readonly string[];
}

export interface Session {
  userId: string;
  role: AppRole;
  locale: AppLocale;
  name: string;
  email: string;
  /** Set for a browser session (AuthSession.id). */
  sessionId?: string;
  /** The client's address (see http/client-ip.ts), set by withSession for the audit log. */
  ip?: string | null;
  /** Set when the request came with `Authorization: Bearer <API token>` instead of a session cookie. */
  apiToken?: ApiTokenPrincipal;
}
