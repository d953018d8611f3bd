import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { roleSchema } from "@/app/_server/auth/roles";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import type { UserView } from "./list-users";

export const setUserRoleInputSchema = z.object({ role: roleSchema });
export type SetUserRoleInput = z.infer<typeof setUserRoleInputSchema>;

/**
 * Changes a user's role (audited). Nobody changes their own role, so the last administrator cannot
 * lock everyone out by accident. Session cookies carry the role until they expire (one 8-hour shift);
 * API tokens use the new role on their next request.
 */
export async function setUserRole(actor: Session, userId: string, input: SetUserRoleInput, db: PrismaClient = prisma()): Promise<UserView> {
  if (userId === actor.userId) throw new AppError(409, "own_role", "You cannot change your own role; ask another administrator.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw new AppError(404, "user_not_found", `User ${userId} does not exist.`, { userId });
    const updated = await tx.user.update({ where: { id: userId }, data: { role: input.role }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
    if (user.role !== input.role) {
      await writeAudit(tx, actor, { action: "user.roleChange", targetType: "user", targetId: userId, details: { email: updated.email, from: user.role, to: input.role } });
    }
    return { ...updated, role: roleSchema.parse(updated.role), createdAt: updated.createdAt.toISOString() };
  });
}
