import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { entryPointChanges, entryPointRefId, parseEntryPointSet, type EntryPointChanges, type EntryPointRef } from "./entry-point-set";
import { loadFlow } from "./load-flow";

export interface EntryPointView {
  id: string;
  kind: string;
  value: string;
  createdAt: string;
}

export interface EntryPointsView {
  /** What leads to the flow now. */
  entryPoints: EntryPointView[];
  /** The proposed set, each named `kind:value`; null: no change proposed. */
  proposed: (EntryPointRef & { id: string })[] | null;
  /** Proposed against live; goes live with the next published version. */
  pending: EntryPointChanges;
}

export async function entryPointsView(db: PrismaClient, flowId: string): Promise<EntryPointsView> {
  const [rows, flow] = await Promise.all([
    db.entryPoint.findMany({ where: { flowId }, orderBy: [{ kind: "asc" }, { value: "asc" }] }),
    db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { entryPointDraft: true } }),
  ]);
  const live = parseEntryPointSet(rows) ?? [];
  const proposed = parseEntryPointSet(flow.entryPointDraft);
  return {
    entryPoints: rows.map((row) => ({ id: row.id, kind: row.kind, value: row.value, createdAt: row.createdAt.toISOString() })),
    proposed: proposed === null ? null : proposed.map((ref) => ({ ...ref, id: entryPointRefId(ref) })),
    pending: entryPointChanges(live, proposed ?? live),
  };
}

export async function listEntryPoints(actor: Session, flowId: string, db: PrismaClient = prisma()): Promise<EntryPointsView> {
  await loadFlow(db, actor, flowId, "entryPoint.view", { allowDeleted: true });
  return entryPointsView(db, flowId);
}
