import type { Prisma } from "@/prisma/generated/client";
import { prisma, type PrismaClient } from "@/prisma/client";
import { roleSchema, type AppRole } from "@/app/_server/auth/roles";

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: AppRole;
  /** False once deactivated. */
  active: boolean;
  createdAt: string;
}

export const userViewSelect = { id: true, name: true, email: true, role: true, deactivatedAt: true, createdAt: true } satisfies Prisma.UserSelect;

export function toUserView(row: Prisma.UserGetPayload<{ select: typeof userViewSelect }>): UserView {
  return { id: row.id, name: row.name, email: row.email, role: roleSchema.parse(row.role), active: row.deactivatedAt === null, createdAt: row.createdAt.toISOString() };
}

/** Everyone, for the admin's users page and the audit filter (permission checked by the caller). */
export async function listUsers(db: PrismaClient = prisma()): Promise<UserView[]> {
  const rows = await db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: userViewSelect });
  return rows.map(toUserView);
}
