import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { Prisma } from "@/prisma/generated/client";
import type { AppLocale } from "@/app/_i18n/locales";
import type { Session } from "@/app/_server/auth/session";
import { AppError } from "@/app/_server/http/app-error";
import { voidStaleApprovals } from "@/app/_server/reviews/void-stale-approvals";
import { loadFlow } from "./load-flow";
import { parseDraftGraph } from "./parse-draft-graph";
import { toJsonObject } from "./to-json-object";
import { userNames } from "./user-names";

export const saveDraftInputSchema = z.object({
  graph: z.record(z.string(), z.unknown(), { error: "must be a flow graph object" }),
  baseRevision: z.number({ error: "must be the draft revision the edit started from" }).int().min(1),
});
export type SaveDraftInput = z.infer<typeof saveDraftInputSchema>;

export interface SavedDraft {
  revision: number;
  updatedAt: string;
}

async function conflict(db: PrismaClient, flowId: string): Promise<AppError> {
  const current = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftRevision: true, updatedAt: true, updatedById: true, deletedAt: true, name: true } });
  if (current.deletedAt) return new AppError(409, "flow_deleted", `Flow "${current.name}" is deleted: restore it first.`, { flowId });
  const users = await userNames(db, [current.updatedById]);
  return new AppError(409, "draft_conflict", "Someone else saved this draft after you opened it; reload to see their changes.", {
    currentRevision: current.draftRevision,
    updatedBy: (current.updatedById && users.get(current.updatedById)) || null,
    updatedAt: current.updatedAt.toISOString(),
  });
}

/**
 * Optimistic concurrency: the write only happens if the draft is still at `baseRevision`, checked in
 * the same UPDATE, so of two saves from one revision exactly one wins and the other gets a 409. In the
 * same transaction, an approved but unpublished candidate that now differs from the draft loses its
 * approval (voidStaleApprovals), and the actor joins the draft's editors (Flow.draftEditorIds, each
 * once), who may not approve its next submission (four eyes).
 */
export async function saveDraft(actor: Session, flowId: string, input: SaveDraftInput, locale: AppLocale, db: PrismaClient = prisma()): Promise<SavedDraft> {
  const flow = await loadFlow(db, actor, flowId, "flow.editDraft");
  const graph = toJsonObject(parseDraftGraph(input.graph, flow.kind, locale));
  try {
    const saved = await db.$transaction(async (tx) => {
      const select = { draftRevision: true, updatedAt: true, draftEditorIds: true } as const;
      let row = await tx.flow.update({
        where: { id: flowId, draftRevision: input.baseRevision, deletedAt: null },
        data: { draftGraph: graph, draftRevision: { increment: 1 }, updatedById: actor.userId },
        select,
      });
      // The update holds the row lock until commit, so no save or submission can come in between.
      if (!row.draftEditorIds.includes(actor.userId)) {
        row = await tx.flow.update({ where: { id: flowId }, data: { draftEditorIds: { push: actor.userId } }, select });
      }
      await voidStaleApprovals(tx, actor, flowId, graph, row.draftRevision);
      return row;
    });
    return { revision: saved.draftRevision, updatedAt: saved.updatedAt.toISOString() };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw await conflict(db, flowId);
    throw error;
  }
}
