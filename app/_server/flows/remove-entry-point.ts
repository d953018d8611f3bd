import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import type { RemoveEntryPointQuery } from "./entry-point-input";
import { loadFlow } from "./load-flow";

/** Frees a DID or Stasis argument (audited). */
export async function removeEntryPoint(actor: Session, flowId: string, query: RemoveEntryPointQuery, db: PrismaClient = prisma()): Promise<{ removed: string }> {
  // Allowed on deleted flows too: it is how their numbers are freed for other flows.
  await loadFlow(db, actor, flowId, "entryPoint.edit", { allowDeleted: true });
  return db.$transaction(async (tx) => {
    const row = await tx.entryPoint.findFirst({ where: { id: query.id, flowId } });
    const { count } = await tx.entryPoint.deleteMany({ where: { id: query.id, flowId } });
    if (count === 0 || !row) {
      throw new AppError(404, "entry_point_not_found", `Entry point ${query.id} does not belong to this flow.`, { entryPointId: query.id });
    }
    await writeAudit(tx, actor, { action: "entryPoint.remove", targetType: "entryPoint", targetId: row.id, flowId, details: { kind: row.kind, value: row.value } });
    return { removed: query.id };
  });
}
