import { planSchema } from "../../flows-runtime/plan/schema";
import type { PrismaClient } from "../../prisma/client";
import type { PinnedPlan } from "./call-plans";
import { createRefreshedSnapshot } from "./refreshed-snapshot";

/** Plans kept beyond the live ones (versions pinned by calls still running, recent rollbacks). */
const MAX_PLANS = 2_000;

export interface PlanCache {
  /** A published version's plan; versions never change, so a cached one is always right. */
  plan(versionId: string): PinnedPlan | undefined;
  remember(plan: PinnedPlan): void;
  /** The flow's live version as last loaded: undefined when the cache never loaded, null when it has none. */
  liveVersionId(flowId: string): string | null | undefined;
  refresh(): Promise<void>;
  close(): void;
}

/**
 * The worker's copy of every flow's live version and of their plans, so a call that starts while the
 * database is unreachable still gets its plans. Refreshed on routing notifications and every `intervalMs`.
 */
export function createPlanCache(prisma: PrismaClient, options: { intervalMs?: number; log?: (message: string) => void } = {}): PlanCache {
  const plans = new Map<string, PinnedPlan>();

  const remember = (plan: PinnedPlan) => {
    plans.delete(plan.versionId);
    plans.set(plan.versionId, plan);
    while (plans.size > MAX_PLANS) {
      const oldest = plans.keys().next().value;
      if (oldest === undefined) break;
      plans.delete(oldest);
    }
  };

  const snapshot = createRefreshedSnapshot({
    name: "plan cache",
    intervalMs: options.intervalMs ?? 30_000,
    log: options.log,
    async load(): Promise<ReadonlyMap<string, string>> {
      const flows = await prisma.flow.findMany({ where: { liveVersionId: { not: null } }, select: { id: true, liveVersionId: true } });
      const live = new Map<string, string>();
      for (const flow of flows) if (flow.liveVersionId) live.set(flow.id, flow.liveVersionId);
      const missing = [...live.values()].filter((id) => !plans.has(id));
      if (missing.length > 0) {
        const versions = await prisma.flowVersion.findMany({ where: { id: { in: missing } }, select: { id: true, flowId: true, plan: true } });
        for (const v of versions) remember({ flowId: v.flowId, versionId: v.id, plan: planSchema.parse(v.plan) });
      }
      return live;
    },
  });

  return {
    plan: (versionId) => plans.get(versionId),
    remember,
    liveVersionId(flowId) {
      const live = snapshot.current();
      return live === null ? undefined : (live.get(flowId) ?? null);
    },
    refresh: snapshot.refresh,
    close: snapshot.close,
  };
}
