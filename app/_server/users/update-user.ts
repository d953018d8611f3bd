import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { revokeAuthSessions } from "@/app/_server/auth/revoke-auth-sessions";
import { roleSchema } from "@/app/_server/auth/roles";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import { toUserView, userViewSelect, type UserView } from "./list-users";

export const updateUserInputSchema = z
  .object({
    role: roleSchema.optional(),
    /** false deactivates the account: no sign-in, and its sessions and API tokens stop at once. */
    active: z.boolean().optional(),
  })
  .refine((input) => input.role !== undefined || input.active !== undefined, { message: "give role or active" });
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

/**
 * Changes a user's role or deactivates / reactivates them (audited). Nobody changes themselves, so
 * the last administrator cannot lock everyone out by accident. Either change ends the user's browser
 * sessions on their next request (they sign in again, with the new role); API tokens use the new
 * role, or stop for a deactivated user, on their next request too.
 */
export async function updateUser(actor: Session, userId: string, input: UpdateUserInput, db: PrismaClient = prisma()): Promise<UserView> {
  if (userId === actor.userId) throw new AppError(409, "own_role", "You cannot change your own role or account; ask another administrator.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, deactivatedAt: true } });
    if (!user) throw new AppError(404, "user_not_found", `User ${userId} does not exist.`, { userId });
    const roleChanged = input.role !== undefined && input.role !== user.role;
    const wasActive = user.deactivatedAt === null;
    const activeChanged = input.active !== undefined && input.active !== wasActive;
    const updated = await tx.user.update({
      where: { id: userId },
      data: { role: input.role, ...(activeChanged ? { deactivatedAt: input.active ? null : new Date() } : {}) },
      select: userViewSelect,
    });
    if (roleChanged) {
      await revokeAuthSessions(tx, { userId }, "roleChange");
      await writeAudit(tx, actor, { action: "user.roleChange", targetType: "user", targetId: userId, details: { email: updated.email, from: user.role, to: input.role } });
    }
    if (activeChanged) {
      if (!input.active) await revokeAuthSessions(tx, { userId }, "deactivated");
      await writeAudit(tx, actor, { action: input.active ? "user.reactivate" : "user.deactivate", targetType: "user", targetId: userId, details: { email: updated.email } });
    }
    return toUserView(updated);
  });
}
