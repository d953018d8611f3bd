import { planSchema, type Plan } from "../../flows-runtime/plan/schema";
import type { PrismaClient } from "../../prisma/client";
import type { PlanCache } from "./plan-cache";
import { withinMs } from "./within-ms";

/** With a cache, how long the database may take to name a subflow's live version before the cache does. */
const LIVE_LOOKUP_TIMEOUT_MS = 1_500;

export interface PinnedPlan {
  flowId: string;
  versionId: string;
  plan: Plan;
}

export interface CallPlans {
  mainFlowId: string;
  /** flowId → the version the whole call runs (main flow, every subflow it can reach, the routing flows of its queues). */
  plans: Record<string, PinnedPlan>;
  /**
   * Queue name → the routing flow that routes its calls (README "Routing flows"), for the queues the
   * call's flows transfer to. Absent in results recorded before routing flows.
   */
  routingFlows?: Record<string, string>;
}

/** Names of the queues a plan's transfer steps hand calls to. */
export function queueNamesOf(plan: Plan): string[] {
  const names = new Set<string>();
  for (const step of Object.values(plan.steps)) {
    if (step.type !== "transfer") continue;
    const target: unknown = Reflect.get(Object(step.config), "target");
    if (typeof target === "object" && target !== null && Reflect.get(target, "kind") === "queue") {
      const queue: unknown = Reflect.get(target, "queue");
      if (typeof queue === "string") names.add(queue);
    }
  }
  return [...names];
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
 * With a cache, published plans come from it and, when the database does not answer, live versions too.
 */
export async function loadCallPlans(
  prisma: PrismaClient,
  source: CallPlanSource,
  pinned: Record<string, string> = {},
  cache?: PlanCache,
): Promise<CallPlans> {
  const main = await mainPlan(prisma, source, cache);
  const plans: Record<string, PinnedPlan> = {};
  const queue: PinnedPlan[] = [main];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || plans[next.flowId]) continue;
    plans[next.flowId] = next;
    for (const flowId of subflowIdsOf(next.plan)) {
      if (plans[flowId]) continue;
      queue.push(await subflowPlan(prisma, flowId, pinned[flowId], cache));
    }
  }
  const routingFlows = await routingFlowsOf(prisma, Object.values(plans), cache);
  for (const flowId of new Set(Object.values(routingFlows))) {
    if (plans[flowId]) continue;
    try {
      plans[flowId] = await subflowPlan(prisma, flowId, pinned[flowId], cache);
    } catch {
      // Not published (any more) or not readable: that queue routes by default rather than the call failing.
      for (const [queue, routedBy] of Object.entries(routingFlows)) if (routedBy === flowId) delete routingFlows[queue];
    }
  }
  return { mainFlowId: main.flowId, plans, routingFlows };
}

/**
 * The routing flows of the queues these plans transfer to; pinned like subflows (their live version
 * now, or what `pinned` names). Without an answer from the database in time (a cache means the
 * caller would rather go on): none, so the queues route by default, as before routing flows.
 */
async function routingFlowsOf(prisma: PrismaClient, loaded: PinnedPlan[], cache: PlanCache | undefined): Promise<Record<string, string>> {
  const names = [...new Set(loaded.flatMap((pinned) => queueNamesOf(pinned.plan)))];
  if (names.length === 0) return {};
  const lookup = prisma.queue.findMany({ where: { name: { in: names }, routingFlowId: { not: null } }, select: { name: true, routingFlowId: true } });
  let rows: { name: string; routingFlowId: string | null }[];
  try {
    rows = cache ? await withinMs(lookup, LIVE_LOOKUP_TIMEOUT_MS, "routing flows of the queues") : await lookup;
  } catch (err) {
    if (!cache) throw err;
    return {};
  }
  return Object.fromEntries(rows.flatMap((row) => (row.routingFlowId === null ? [] : [[row.name, row.routingFlowId]])));
}

/** Where a call's main plan comes from: exactly one of the two is set. */
export interface CallPlanSource {
  flowVersionId: string | null;
  testPlanId: string | null;
}

async function mainPlan(prisma: PrismaClient, source: CallPlanSource, cache: PlanCache | undefined): Promise<PinnedPlan> {
  if (source.testPlanId) {
    const snapshot = await prisma.testCallPlan.findUniqueOrThrow({ where: { id: source.testPlanId } });
    return { flowId: snapshot.flowId, versionId: `test:${snapshot.id}`, plan: planSchema.parse(snapshot.plan) };
  }
  if (!source.flowVersionId) throw new Error("a call needs a flow version or a test plan");
  return versionPlan(prisma, source.flowVersionId, cache);
}

async function versionPlan(prisma: PrismaClient, versionId: string, cache: PlanCache | undefined): Promise<PinnedPlan> {
  const cached = cache?.plan(versionId);
  if (cached) return cached;
  const version = await prisma.flowVersion.findUniqueOrThrow({ where: { id: versionId } });
  const plan = { flowId: version.flowId, versionId: version.id, plan: planSchema.parse(version.plan) };
  cache?.remember(plan);
  return plan;
}

async function subflowPlan(
  prisma: PrismaClient,
  flowId: string,
  pinnedVersionId: string | undefined,
  cache: PlanCache | undefined,
): Promise<PinnedPlan> {
  if (pinnedVersionId) return versionPlan(prisma, pinnedVersionId, cache);
  const lookup = prisma.flow.findUniqueOrThrow({ where: { id: flowId }, select: { name: true, liveVersionId: true } });
  let flow: { name: string; liveVersionId: string | null };
  try {
    flow = cache ? await withinMs(lookup, LIVE_LOOKUP_TIMEOUT_MS, `live version of subflow ${flowId}`) : await lookup;
  } catch (err) {
    const cachedLive = cache?.liveVersionId(flowId);
    if (cachedLive === undefined) throw err;
    flow = { name: flowId, liveVersionId: cachedLive };
  }
  if (!flow.liveVersionId) throw new Error(`subflow ${flowId} (${flow.name}) has no published version`);
  return versionPlan(prisma, flow.liveVersionId, cache);
}
