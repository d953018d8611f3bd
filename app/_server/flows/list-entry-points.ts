import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "./load-flow";

export interface EntryPointView {
  id: string;
  kind: string;
  value: string;
  createdAt: string;
}

export async function listEntryPoints(actor: Session, flowId: string, db: PrismaClient = prisma()): Promise<EntryPointView[]> {
  await loadFlow(db, actor, flowId, "entryPoint.view", { allowDeleted: true });
  const rows = await db.entryPoint.findMany({ where: { flowId }, orderBy: [{ kind: "asc" }, { value: "asc" }] });
  return rows.map((row) => ({ id: row.id, kind: row.kind, value: row.value, createdAt: row.createdAt.toISOString() }));
}
