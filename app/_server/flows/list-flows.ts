import { z } from "zod";
import { flowKindSchema } from "@/flows-runtime/graph/schema";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Prisma } from "@/prisma/generated/client";
import { grantedKinds } from "@/app/_server/auth/permissions";
import type { Session } from "@/app/_server/auth/session";
import { flowSummarySelect, toFlowSummary, type FlowSummary } from "./flow-summary";
import { userNames } from "./user-names";

export const listFlowsQuerySchema = z.object({
  q: z.string().trim().max(200, "must be at most 200 characters").optional(),
  kind: flowKindSchema.optional(),
  includeDeleted: z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .transform((value) => value === "true" || value === "1")
    .optional(),
});
export type ListFlowsQuery = z.infer<typeof listFlowsQuerySchema>;

/** A designer's list, not a report: beyond this, search narrows it down. */
export const listFlowsLimit = 500;

function kindFilter(kinds: readonly string[] | null): Prisma.FlowWhereInput {
  return kinds === null ? {} : { kind: { in: [...kinds] } };
}

/**
 * Flows the actor may view, newest edit first. Search matches the name or an entry point (a DID).
 * Deleted flows are listed only on request and only for kinds the actor may restore.
 */
export async function listFlows(actor: Session, query: ListFlowsQuery, db: PrismaClient = prisma()): Promise<FlowSummary[]> {
  const visible: Prisma.FlowWhereInput = { deletedAt: null, ...kindFilter(grantedKinds(actor.role, "flow.view")) };
  const deleted: Prisma.FlowWhereInput = {
    deletedAt: { not: null },
    AND: [kindFilter(grantedKinds(actor.role, "flow.view")), kindFilter(grantedKinds(actor.role, "flow.restore"))],
  };
  const q = query.q;
  const rows = await db.flow.findMany({
    where: {
      OR: query.includeDeleted ? [visible, deleted] : [visible],
      ...(query.kind ? { kind: query.kind } : {}),
      ...(q
        ? { AND: [{ OR: [{ name: { contains: q, mode: "insensitive" } }, { entryPoints: { some: { value: { contains: q } } } }] }] }
        : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: listFlowsLimit,
    select: flowSummarySelect,
  });
  const users = await userNames(db, rows.map((row) => row.updatedById));
  return rows.map((row) => toFlowSummary(row, users));
}
