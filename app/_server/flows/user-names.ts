import type { PrismaClient } from "@/prisma/client";

export interface UserRef {
  id: string;
  name: string;
}

/** Display names for "last edited by …" (flows keep user ids, not relations). */
export async function userNames(db: PrismaClient, ids: readonly (string | null)[]): Promise<Map<string, UserRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((user) => [user.id, user]));
}
