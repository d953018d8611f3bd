import type { PrismaClient } from "@/prisma/client";

export interface SignInFailure {
  /** The e-mail address as typed (normalised); it may belong to nobody. */
  email: string;
  /** The account's id when the address belongs to one. */
  userId: string | null;
  ip: string | null;
  reason: "invalid_credentials" | "deactivated";
  /** How long this account or address must now wait before the next attempt (0: none). */
  blockedForSeconds: number;
}

/** Failed sign-ins are audited without an actor: nobody was signed in. */
export async function writeSignInFailure(db: PrismaClient, failure: SignInFailure): Promise<void> {
  await db.auditEntry.create({
    data: {
      actorId: failure.userId,
      actorName: failure.email,
      actorRole: null,
      action: "auth.signInFailed",
      targetType: "account",
      targetId: failure.email,
      details: { reason: failure.reason, blockedForSeconds: failure.blockedForSeconds },
      ip: failure.ip,
    },
  });
}
