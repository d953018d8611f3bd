import type { PrismaClient } from "../../prisma/client";
import { createRefreshedSnapshot, type RefreshedSnapshot } from "../persistence/refreshed-snapshot";

/** `kind\0value` → the flow it routes to and that flow's live version, for routable entry points only. */
export type EntryPointSnapshot = ReadonlyMap<string, { flowId: string; flowVersionId: string }>;

export const entryPointKey = (candidate: { kind: string; value: string }) => `${candidate.kind}\u0000${candidate.value}`;

export async function loadEntryPoints(prisma: PrismaClient): Promise<EntryPointSnapshot> {
  const rows = await prisma.entryPoint.findMany({
    where: { flow: { deletedAt: null, liveVersionId: { not: null } } },
    select: { kind: true, value: true, flow: { select: { id: true, liveVersionId: true } } },
  });
  const snapshot = new Map<string, { flowId: string; flowVersionId: string }>();
  for (const row of rows) {
    if (row.flow.liveVersionId) snapshot.set(entryPointKey(row), { flowId: row.flow.id, flowVersionId: row.flow.liveVersionId });
  }
  return snapshot;
}

/** The bridge's copy of every entry point: refreshed on routing notifications and every `intervalMs`. */
export function createEntryPointCache(
  prisma: PrismaClient,
  options: { intervalMs?: number; log?: (message: string) => void } = {},
): RefreshedSnapshot<EntryPointSnapshot> {
  return createRefreshedSnapshot({
    name: "entry point cache",
    load: () => loadEntryPoints(prisma),
    intervalMs: options.intervalMs ?? 30_000,
    log: options.log,
  });
}
