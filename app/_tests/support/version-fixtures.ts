import type { ReviewStatus } from "@/prisma/generated/enums";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import { planHashOf } from "@/app/_server/flows/create-version";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import type { TestApp } from "./test-app";

export interface VersionFixture {
  /** Review status of the version; null: no review (published by a developer tool). */
  status?: ReviewStatus | null;
  submittedById?: string;
  lastEditorId?: string | null;
  /** Has been live (rollback may return to it). */
  published?: boolean;
  /** Make it the flow's live version. */
  live?: boolean;
  note?: string;
}

/**
 * Writes a version (and its review) straight into the database, for tests that need a flow in a given
 * state rather than the steps that lead there. A graph that compiles gets its real plan.
 */
export async function insertVersion(app: TestApp, flowId: string, graph: unknown, fixture: VersionFixture = {}) {
  const db = app.db.prisma;
  const compiled = compileGraph(graph);
  const plan = compiled.ok ? compiled.plan : { note: "not compilable: diff fixture" };
  const last = await db.flowVersion.aggregate({ where: { flowId }, _max: { number: true } });
  const status = fixture.status === undefined ? "approved" : fixture.status;
  const published = fixture.published ?? (fixture.live === true || status === "published" || status === null);
  const version = await db.flowVersion.create({
    data: {
      flowId,
      number: (last._max.number ?? 0) + 1,
      graph: toJsonObject(graph),
      plan: toJsonObject(plan),
      planHash: planHashOf(plan),
      note: fixture.note ?? "fixture",
      createdById: fixture.submittedById ?? app.users.marketer.id,
      publishedAt: published ? new Date() : null,
    },
  });
  const review =
    status === null
      ? null
      : await db.flowReview.create({
          data: {
            flowId,
            versionId: version.id,
            status,
            note: fixture.note ?? "fixture",
            submittedById: fixture.submittedById ?? app.users.marketer.id,
            lastEditorId: fixture.lastEditorId ?? null,
            draftRevision: 1,
          },
        });
  if (fixture.live) await db.flow.update({ where: { id: flowId }, data: { liveVersionId: version.id } });
  return { versionId: version.id, number: version.number, reviewId: review?.id ?? "" };
}
