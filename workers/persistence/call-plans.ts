import { planSchema, type Plan } from "../../flows-runtime/plan/schema";
import type { PrismaClient } from "../../prisma/client";

export interface PinnedPlan {
  flowId: string;
  versionId: string;
  plan: Plan;
}

export interface CallPlans {
  mainFlowId: string;
  /** flowId → the version the whole call runs (main flow and every subflow it can reach). */
  plans: Record<string, PinnedPlan>;
}

/** Ids of the flows a plan's steps call as subflows (any step config naming a `flowId`). */
export function subflowIdsOf(plan: Plan): string[] {
  const ids = new Set<string>();
  for (const step of Object.values(plan.steps)) {
    const config = step.config;
    if (config && typeof config === "object" && "flowId" in config && typeof config.flowId === "string") {
      ids.add(config.flowId);
    }
  }
  return [...ids];
}

/**
 * Loads the call's main plan (a published version, or a designer test call's draft snapshot) and,
 * transitively, the plans of every subflow it references.
 * Subflows resolve to their live version now, unless `pinned` already names a version (a call that
 * continued as new keeps what it pinned at its start), so publishing never changes a running call.
 */
export async function loadCallPlans(
  prisma: PrismaClient,
  source: CallPlanSource,
  pinned: Record<string, string> = {},
): Promise<CallPlans> {
  const main = await mainPlan(prisma, source);
  const plans: Record<string, PinnedPlan> = {};
  const queue: PinnedPlan[] = [main];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || plans[next.flowId]) continue;
    plans[next.flowId] = next;
    for (const flowId of subflowIdsOf(next.plan)) {
      if (plans[flowId]) continue;
      const version = await subflowVersion(prisma, flowId, pinned[flowId]);
      queue.push({ flowId, versionId: version.id, plan: planSchema.parse(version.plan) });
    }
  }
  return { mainFlowId: main.flowId, plans };
}

/** Where a call's main plan comes from: exactly one of the two is set. */
export interface CallPlanSource {
  flowVersionId: string | null;
  testPlanId: string | null;
}

async function mainPlan(prisma: PrismaClient, source: CallPlanSource): Promise<PinnedPlan> {
  if (source.testPlanId) {
    const snapshot = await prisma.testCallPlan.findUniqueOrThrow({ where: { id: source.testPlanId } });
    return { flowId: snapshot.flowId, versionId: `test:${snapshot.id}`, plan: planSchema.parse(snapshot.plan) };
  }
  if (!source.flowVersionId) throw new Error("a call needs a flow version or a test plan");
  const version = await prisma.flowVersion.findUniqueOrThrow({ where: { id: source.flowVersionId } });
  return { flowId: version.flowId, versionId: version.id, plan: planSchema.parse(version.plan) };
}

async function subflowVersion(prisma: PrismaClient, flowId: string, pinnedVersionId: string | undefined) {
  if (pinnedVersionId) return prisma.flowVersion.findUniqueOrThrow({ where: { id: pinnedVersionId } });
  const flow = await prisma.flow.findUniqueOrThrow({ where: { id: flowId }, include: { liveVersion: true } });
  if (!flow.liveVersion) throw new Error(`subflow ${flowId} (${flow.name}) has no published version`);
  return flow.liveVersion;
}
