import { prisma, type PrismaClient } from "@/prisma/client";
import { defaultLocale, localeSchema } from "@/app/_i18n/locales";
import { roleSchema } from "./roles";
import type { Session, SessionToken } from "./session";

/**
 * The session behind a decoded cookie, or null when it was signed out, revoked (role change,
 * deactivation), is past its absolute lifetime, or belongs to another user than the token says. Role,
 * name and locale come from the user's row as it is now.
 */
export async function loadAuthSession(token: SessionToken, db: PrismaClient = prisma(), now = new Date()): Promise<Session | null> {
  const row = await db.authSession.findUnique({ where: { id: token.sid }, include: { user: true } });
  if (!row || row.userId !== token.sub || row.revokedAt !== null || row.expiresAt <= now || row.user.deactivatedAt !== null) return null;
  const role = roleSchema.safeParse(row.user.role);
  if (!role.success) return null;
  return {
    userId: row.user.id,
    role: role.data,
    locale: localeSchema.catch(defaultLocale).parse(row.user.locale),
    name: row.user.name,
    email: row.user.email,
    sessionId: row.id,
  };
}
