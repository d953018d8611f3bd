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

export type Session = z.infer<typeof sessionTokenSchema>;
