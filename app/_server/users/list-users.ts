import { prisma, type PrismaClient } from "@/prisma/client";
import { roleSchema, type AppRole } from "@/app/_server/auth/roles";

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: AppRole;
  createdAt: string;
}

/** Everyone, for the admin's users page and the audit filter (permission checked by the caller). */
export async function listUsers(db: PrismaClient = prisma()): Promise<UserView[]> {
  const rows = await db.user.findMany({ orderBy: [{ name: "asc" }, { email: "asc" }], select: { id: true, name: true, email: true, role: true, createdAt: true } });
  return rows.map((row) => ({ ...row, role: roleSchema.parse(row.role), createdAt: row.createdAt.toISOString() }));
}
