import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { defaultLocale, localeSchema } from "@/app/_i18n/locales";
import { roleSchema } from "./roles";
import { verifyPassword } from "./verify-password";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export const signedInUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  locale: localeSchema.catch(defaultLocale),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

/** The user these credentials belong to, or null; unknown e-mails take as long as wrong passwords. */
export async function verifyCredentials(input: unknown, db: PrismaClient = prisma()): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? null);
  if (!user || !ok) return null;
  return signedInUserSchema.parse(user);
}
