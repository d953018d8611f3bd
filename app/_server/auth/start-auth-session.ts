import { prisma, type PrismaClient } from "@/prisma/client";

/** A work shift. Absolute: renewing the cookie (GET /api/auth/session) never extends it. */
export const sessionLifetimeSeconds = 8 * 60 * 60;

/** Ended sessions are kept this long (who was signed in when), then removed at a later sign-in. */
const keepEndedMs = 30 * 24 * 60 * 60 * 1000;

/** Records a sign-in; its id goes into the session cookie. */
export async function startAuthSession(userId: string, db: PrismaClient = prisma(), now = new Date()): Promise<string> {
  await db.authSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - keepEndedMs) } } });
  const row = await db.authSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + sessionLifetimeSeconds * 1000) },
    select: { id: true },
  });
  return row.id;
}
