import { createHash } from "node:crypto";
import { canonicalJson } from "@/flows-runtime/compiler/canonical-json";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import type { Issue } from "@/flows-runtime/compiler/issue";
import { prisma, type PrismaClient } from "@/prisma/client";
import { AppError, flowNotFound } from "@/app/_server/http/app-error";
import { toJsonObject } from "./to-json-object";

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

export function planHashOf(plan: unknown): string {
  return createHash("sha256").update(canonicalJson(plan)).digest("hex");
}

/**
 * Compiles the graph and, when it is valid, stores it with its plan as the flow's next immutable
 * version and makes that version live, in one transaction. Calls already running keep the version
 * they started with; only new calls see this one. An invalid graph is refused with its issues.
 */
export async function publishFlow(input: PublishFlowInput, db: PrismaClient = prisma()): Promise<PublishFlowResult> {
  const published = await db.flow.findMany({ where: { liveVersionId: { not: null }, deletedAt: null }, select: { id: true } });
  const compiled = compileGraph(input.graph, { knownFlowIds: published.map((f) => f.id) });
  if (!compiled.ok) return { ok: false, issues: compiled.issues };
  const { plan } = compiled;
  const graph = toJsonObject(input.graph);
  const planJson = toJsonObject(plan);
  const planHash = planHashOf(plan);

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
    // Row lock: concurrent publishes of one flow take numbers one after the other.
    const locked = await tx.$queryRaw<{ kind: string; deletedAt: Date | null }[]>`
      SELECT "kind", "deletedAt" FROM "Flow" WHERE "id" = ${flowId} FOR UPDATE`;
    const flow = locked[0];
    if (!flow || flow.deletedAt !== null) throw flowNotFound(flowId);
    if (flow.kind !== plan.kind) {
      throw new AppError(422, "kind_mismatch", `A ${plan.kind} graph cannot be published to a ${flow.kind} flow.`, { flowId });
    }
    const last = await tx.flowVersion.aggregate({ where: { flowId }, _max: { number: true } });
    const created = await tx.flowVersion.create({
      data: {
        flowId,
        number: (last._max.number ?? 0) + 1,
        graph,
        plan: planJson,
        planHash,
        note: input.note,
        createdById: input.userId,
      },
      select: { id: true, flowId: true, number: true },
    });
    await tx.flow.update({ where: { id: flowId }, data: { liveVersionId: created.id, updatedById: input.userId } });
    return created;
  });
  return { ok: true, flowId: version.flowId, versionId: version.id, number: version.number, planHash, warnings: compiled.warnings };
}
