import type { Prisma } from "@/prisma/generated/client";

export type RevokeReason = "signOut" | "roleChange" | "deactivated";

/**
 * Ends sessions at once: one (sign-out) or all of a user's (role change, deactivation). Every request
 * checks its session row (load-auth-session.ts), so the next one with such a cookie gets 401.
 */
export async function revokeAuthSessions(db: Prisma.TransactionClient, which: { sessionId: string } | { userId: string }, reason: RevokeReason): Promise<number> {
  const where = "sessionId" in which ? { id: which.sessionId } : { userId: which.userId };
  const revoked = await db.authSession.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  return revoked.count;
}
