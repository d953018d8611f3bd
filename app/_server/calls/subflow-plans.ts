import { planSchema, type Plan } from "@/flows-runtime/plan/schema";
import type { PrismaClient } from "@/prisma/client";

export interface SubflowPlan {
  flowId: string;
  flowName: string;
  versionId: string;
  versionNumber: number;
  plan: Plan;
}

/** Flow ids of the subflow steps in a trace ("<flowId>:<stepId>"), each once. */
export function subflowIdsInTrace(nodeIds: readonly string[], mainStepIds: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  for (const nodeId of nodeIds) {
    const colon = nodeId.indexOf(":");
    if (!mainStepIds.has(nodeId) && colon > 0) ids.add(nodeId.slice(0, colon));
  }
  return [...ids];
}

/**
 * The version of each subflow a call ran. The workflow pins the subflow's live version at call
 * start but the trace does not store which one, so this takes the version that was live then: the
 * latest publish or rollback before the call (audit log, or publishedAt for developer tools), else
 * the live one now; a version whose plan lacks a traced step is passed over for one that has them.
 */
export async function subflowPlans(db: PrismaClient, flowIds: readonly string[], at: Date, tracedStepIds: ReadonlyMap<string, readonly string[]>): Promise<Record<string, SubflowPlan>> {
  const found: Record<string, SubflowPlan> = {};
  for (const flowId of flowIds) {
    const flow = await db.flow.findUnique({ where: { id: flowId }, select: { name: true, liveVersionId: true } });
    if (flow === null) continue;
    const [audited, published] = await Promise.all([
      db.auditEntry.findFirst({
        where: { flowId, action: { in: ["version.publish", "version.rollback"] }, at: { lte: at } },
        orderBy: { at: "desc" },
        select: { targetId: true, at: true },
      }),
      db.flowVersion.findFirst({ where: { flowId, publishedAt: { lte: at } }, orderBy: { publishedAt: "desc" }, select: { id: true, publishedAt: true } }),
    ]);
    const preferred = [
      audited !== null && (published?.publishedAt == null || audited.at >= published.publishedAt) ? audited.targetId : published?.id,
      flow.liveVersionId,
    ].flatMap((id) => (typeof id === "string" ? [id] : []));
    const versions = await db.flowVersion.findMany({ where: { flowId }, orderBy: { number: "desc" }, select: { id: true, number: true, plan: true } });
    const ordered = [...preferred.flatMap((id) => versions.filter((version) => version.id === id)), ...versions];
    const wanted = tracedStepIds.get(flowId) ?? [];
    for (const version of ordered) {
      const parsed = planSchema.safeParse(version.plan);
      if (!parsed.success) continue;
      if (!wanted.every((stepId) => Object.hasOwn(parsed.data.steps, stepId))) continue;
      found[flowId] = { flowId, flowName: flow.name, versionId: version.id, versionNumber: version.number, plan: parsed.data };
      break;
    }
  }
  return found;
}
