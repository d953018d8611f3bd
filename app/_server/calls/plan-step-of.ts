import type { Plan, PlanStep } from "@/flows-runtime/plan/schema";

/** The plans a call ran: its own, and those of the subflows it entered, by flow id. */
export interface CallPlanSet {
  main: Plan;
  subflows: Readonly<Record<string, Plan>>;
}

export interface StepRef {
  /** Null for a step of the call's own flow; else the subflow's flow id. */
  flowId: string | null;
  stepId: string;
  step: PlanStep | null;
}

/**
 * Where a traced node id points: "<stepId>" in the call's own plan, "<flowId>:<stepId>" in a
 * subflow's (the workflow prefixes subflow steps with their flow id).
 */
export function planStepOf(plans: CallPlanSet, nodeId: string): StepRef {
  const own = Object.hasOwn(plans.main.steps, nodeId) ? plans.main.steps[nodeId] : undefined;
  if (own !== undefined) return { flowId: null, stepId: nodeId, step: own };
  const colon = nodeId.indexOf(":");
  if (colon <= 0) return { flowId: null, stepId: nodeId, step: null };
  const flowId = nodeId.slice(0, colon);
  const stepId = nodeId.slice(colon + 1);
  const plan = Object.hasOwn(plans.subflows, flowId) ? plans.subflows[flowId] : undefined;
  const step = plan !== undefined && Object.hasOwn(plan.steps, stepId) ? plan.steps[stepId] : undefined;
  return { flowId, stepId, step: step ?? null };
}

/** The traced node id of the step a port leads to (in the same flow), or null where the flow ends. */
export function nextNodeId(plans: CallPlanSet, nodeId: string, port: string): string | null {
  const ref = planStepOf(plans, nodeId);
  const target = ref.step?.next[port] ?? null;
  if (target === null) return null;
  return ref.flowId === null ? target : `${ref.flowId}:${target}`;
}
