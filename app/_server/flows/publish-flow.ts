import type { Issue } from "@/flows-runtime/compiler/issue";
import { prisma, type PrismaClient } from "@/prisma/client";
import { compileForPublish } from "./compile-for-publish";
import { createVersion, planHashOf } from "./create-version";
import { toJsonObject } from "./to-json-object";

export { planHashOf };

export interface PublishFlowInput {
  /** The flow to publish a new version of; omitted: a new flow named after the graph is created. */
  flowId?: string;
  graph: unknown;
  note?: string;
  userId?: string;
}

export type PublishFlowResult =
  | { ok: true; flowId: string; versionId: string; number: number; planHash: string; warnings: Issue[] }
  | { ok: false; issues: Issue[] };

/**
 * Developer tools only (workers/dev-stack.ts, scripts/run-flow.ts, tests): compiles the graph and,
 * when it is valid, stores it as the flow's next version and makes it live at once, in one
 * transaction, without review. No route calls this: the app publishes reviewed versions through
 * app/_server/versions/publish-version.ts. Calls already running keep the version they started with.
 */
export async function publishFlow(input: PublishFlowInput, db: PrismaClient = prisma()): Promise<PublishFlowResult> {
  const compiled = await compileForPublish(db, input.graph);
  if (!compiled.ok) return { ok: false, issues: compiled.issues };
  const { plan } = compiled;
  const graph = toJsonObject(input.graph);

  const version = await db.$transaction(async (tx) => {
    let flowId = input.flowId;
    if (flowId === undefined) {
      const name = typeof graph.name === "string" && graph.name.trim() !== "" ? graph.name.trim() : "Untitled flow";
      const created = await tx.flow.create({
        data: { name, kind: plan.kind, draftGraph: graph, createdById: input.userId, updatedById: input.userId },
        select: { id: true },
      });
      flowId = created.id;
    }
    const created = await createVersion(tx, { flowId, graph, plan, note: input.note, userId: input.userId, publishedAt: new Date() });
    await tx.flow.update({ where: { id: flowId }, data: { liveVersionId: created.id, updatedById: input.userId } });
    return created;
  });
  return { ok: true, flowId: version.flowId, versionId: version.id, number: version.number, planHash: version.planHash, warnings: compiled.warnings };
}
