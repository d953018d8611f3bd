import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { AppError } from "@/app/_server/http/app-error";
import type { RemoveEntryPointQuery } from "./entry-point-input";
import { loadFlow } from "./load-flow";

export async function removeEntryPoint(actor: Session, flowId: string, query: RemoveEntryPointQuery, db: PrismaClient = prisma()): Promise<{ removed: string }> {
  // Allowed on deleted flows too: it is how their numbers are freed for other flows.
  await loadFlow(db, actor, flowId, "entryPoint.edit", { allowDeleted: true });
  const { count } = await db.entryPoint.deleteMany({ where: { id: query.id, flowId } });
  if (count === 0) {
    throw new AppError(404, "entry_point_not_found", `Entry point ${query.id} does not belong to this flow.`, { entryPointId: query.id });
  }
  return { removed: query.id };
}
