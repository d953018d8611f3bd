import { compileGraph } from "../compiler/compile";
import { runPlan, type RunResult } from "../interpreter/run-plan";
import type { RoutingEffects } from "../interpreter/routing-effects";
import type { StepTrace } from "../interpreter/trace";
import { nodeExecutors } from "../nodes/registry.workflow";
import { planSchema, type Plan } from "../plan/schema";
import { ScriptedEffects, type EffectsScript } from "./scripted-effects";

export interface ScriptedRun {
  result: RunResult;
  effects: ScriptedEffects;
  traces: StepTrace[];
  /** Step ids in the order they ran. */
  path: string[];
}

/** System variables of a test call; override any of them. */
export function testCallVariables(overrides: Partial<Record<"caller" | "dialed" | "id" | "language" | "startedAt", string>> = {}) {
  return { caller: "13800138000", dialed: "4008001234", id: "test-call", language: "", startedAt: "2025-01-06T02:00:00.000Z", ...overrides };
}

/** Compiles (when given a graph rather than a plan) and runs a flow against scripted caller behaviour: the designer's test call. */
export async function runScripted(
  flow: unknown,
  script: EffectsScript = {},
  options: { vars?: Record<string, unknown>; maxSteps?: number; routing?: RoutingEffects } = {},
): Promise<ScriptedRun> {
  const asPlan = planSchema.safeParse(flow);
  const plan = asPlan.success ? asPlan.data : compileOrThrow(flow);
  const effects = new ScriptedEffects(script);
  const traces: StepTrace[] = [];
  const result = await runPlan({
    plan,
    effects,
    executors: nodeExecutors,
    vars: { call: testCallVariables(), ...options.vars },
    maxSteps: options.maxSteps,
    routing: options.routing,
    onStep: (trace) => traces.push(trace),
  });
  return { result, effects, traces, path: traces.map((trace) => trace.stepId) };
}

function compileOrThrow(graph: unknown): Plan {
  const compiled = compileGraph(graph);
  if (!compiled.ok) throw new Error(`flow does not compile:\n${compiled.issues.map((issue) => issue.message).join("\n")}`);
  return compiled.plan;
}
