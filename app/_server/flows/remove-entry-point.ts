import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import { changeEntryPointDraft } from "./change-entry-point-draft";
import type { RemoveEntryPointQuery } from "./entry-point-input";
import { entryPointRefSchema, type EntryPointRef } from "./entry-point-set";
import { entryPointsView, type EntryPointsView } from "./list-entry-points";
import { loadFlow } from "./load-flow";

const notFound = (id: string) => new AppError(404, "entry_point_not_found", `Entry point ${id} does not belong to this flow.`, { entryPointId: id });

/** A live row of this flow by its id, else a proposed one by `kind:value`. */
async function refOf(db: PrismaClient, flowId: string, id: string): Promise<EntryPointRef> {
  const row = await db.entryPoint.findFirst({ where: { id, flowId }, select: { kind: true, value: true } });
  const separator = id.indexOf(":");
  const named = row ?? (separator < 0 ? null : { kind: id.slice(0, separator), value: id.slice(separator + 1) });
  const parsed = entryPointRefSchema.safeParse(named);
  if (!parsed.success) throw notFound(id);
  return parsed.data;
}

/**
 * Proposes that an entry point stop leading to this flow (audited; live once published, like an
 * addition). On a deleted flow, which answers no calls, the number is freed at once: it is how a
 * deleted flow's numbers go to another flow.
 */
export async function removeEntryPoint(actor: Session, flowId: string, query: RemoveEntryPointQuery, db: PrismaClient = prisma()): Promise<{ removed: string; view: EntryPointsView }> {
  const flow = await loadFlow(db, actor, flowId, "entryPoint.edit", { allowDeleted: true });
  if (flow.deletedAt === null) {
    const ref = await refOf(db, flowId, query.id);
    await db.$transaction((tx) => changeEntryPointDraft(tx, actor, flowId, { op: "remove", ref }));
    return { removed: query.id, view: await entryPointsView(db, flowId) };
  }
  await db.$transaction(async (tx) => {
    const row = await tx.entryPoint.findFirst({ where: { id: query.id, flowId } });
    const { count } = await tx.entryPoint.deleteMany({ where: { id: query.id, flowId } });
    if (count === 0 || !row) throw notFound(query.id);
    await writeAudit(tx, actor, { action: "entryPoint.remove", targetType: "entryPoint", targetId: row.id, flowId, details: { kind: row.kind, value: row.value } });
  });
  return { removed: query.id, view: await entryPointsView(db, flowId) };
}
