import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { AppLocale } from "@/app/_i18n/locales";
import type { Session } from "@/app/_server/auth/session";
import { AppError } from "@/app/_server/http/app-error";
import { toIssueViews, invalidGraph, type IssueView } from "./graph-issues";
import { loadFlow } from "./load-flow";
import { publishFlow } from "./publish-flow";

export const publishDraftInputSchema = z.object({
  /** The revision the user looked at; when given, a newer draft is not published behind their back. */
  baseRevision: z.number().int().min(1).optional(),
  note: z.string().trim().max(500, "must be at most 500 characters").optional(),
});
export type PublishDraftInput = z.infer<typeof publishDraftInputSchema>;

export interface PublishedVersion {
  versionId: string;
  number: number;
  planHash: string;
  warnings: IssueView[];
}

/** Publishes the flow's current draft as its next live version (compiled by publish-flow.ts). */
export async function publishDraft(actor: Session, flowId: string, input: PublishDraftInput, locale: AppLocale, db: PrismaClient = prisma()): Promise<PublishedVersion> {
  await loadFlow(db, actor, flowId, "flow.publish");
  const draft = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftGraph: true, draftRevision: true } });
  if (input.baseRevision !== undefined && input.baseRevision !== draft.draftRevision) {
    throw new AppError(409, "draft_conflict", "The draft changed since you opened it; reload before publishing.", { currentRevision: draft.draftRevision });
  }
  const result = await publishFlow({ flowId, graph: draft.draftGraph, note: input.note, userId: actor.userId }, db);
  if (!result.ok) throw invalidGraph(result.issues, locale, "The draft cannot be published until its problems are fixed.");
  return { versionId: result.versionId, number: result.number, planHash: result.planHash, warnings: toIssueViews(result.warnings, locale) };
}
