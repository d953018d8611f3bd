import { z } from "zod";
import { defaultLocale, localeSchema } from "@/app/_i18n/locales";
import { roleSchema } from "./roles";

/** What the next-auth JWT carries (see auth-options.ts callbacks), checked rather than trusted by shape. */
export const sessionTokenSchema = z
  .object({
    sub: z.string().min(1),
    role: roleSchema,
    locale: localeSchema.catch(defaultLocale),
    name: z.string().nullish(),
    email: z.string().nullish(),
  })
  .transform((token) => ({
    userId: token.sub,
    role: token.role,
    locale: token.locale,
    name: token.name ?? "",
    email: token.email ?? "",
  }));

export interface ApiTokenPrincipal {
  id: string;
  name: string;
  /** Permission actions the token may use; its user's role still has to allow them too. */
  scopes: readonly string[];
}

export type Session = z.infer<typeof sessionTokenSchema> & {
  /** The client's address as the proxy reports it, set by withSession for the audit log. */
  ip?: string | null;
  /** Set when the request came with `Authorization: Bearer <API token>` instead of a session cookie. */
  apiToken?: ApiTokenPrincipal;
};
