import type { NodeExecutor, StepResult } from "../nodes/node-definition";
import type { Plan, PlanStep } from "../plan/schema";
import { CallHangupError, type CallEffects } from "./effects";
import { createExecContext } from "./exec-context";
import type { RoutingEffects } from "./routing-effects";
import type { CallOutcome, StepTrace } from "./trace";
import { FlowVariables } from "./variables";
import { varsDiff } from "./vars-diff";

export interface RunOptions {
  plan: Plan;
  effects: CallEffects;
  /** From registry.workflow. */
  executors: Readonly<Record<string, NodeExecutor>>;
  /** Initial variables (call.* already set by the caller); declared variables missing here get their initial value (or null). */
  vars: Record<string, unknown>;
  /** Step to resume at (after continue-as-new); default plan.entry. */
  startAt?: string;
  /** Trace sequence to continue from: the first step gets seq + 1. */
  seq?: number;
  /** Steps per call (counted by seq, so across continue-as-new); default 10,000. Ends with "step-limit". */
  maxSteps?: number;
  /** Called after every step, synchronously. */
  onStep?: (trace: StepTrace) => void;
  /** Asked between steps; true -> return status "paused". */
  shouldPause?: () => boolean;
  /** The time the flow's logic reads, from the call's time (a test call's pretended clock); default the call's time. */
  clock?: (now: Date) => Date;
  /** Called as a step begins, synchronously (a test call answers that step's HTTP request from a canned answer). */
  onStepStart?: (stepId: string) => void;
  /** The queues, for a routing flow's steps. */
  routing?: RoutingEffects;
}

export type RunResult =
  | { status: "ended"; outcome: CallOutcome; vars: Record<string, unknown>; seq: number; lastStepId: string | null; error: string | null }
  | { status: "paused"; resumeAt: string; vars: Record<string, unknown>; seq: number };

export const DEFAULT_MAX_STEPS = 10_000;

const isHangup = (error: unknown): boolean =>
  error instanceof CallHangupError || (error instanceof Error && error.name === "CallHangupError");

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function initialVariables(plan: Plan, given: Record<string, unknown>): Record<string, unknown> {
  const vars: Record<string, unknown> = { ...given };
  for (const variable of plan.variables) {
    if (Object.hasOwn(vars, variable.name)) continue;
    // A copy: the plan is shared by every call and must never change.
    vars[variable.name] = variable.initial === undefined ? null : JSON.parse(JSON.stringify(variable.initial));
  }
  return vars;
}

/** Where a step leads: another step, or the end of the call with an outcome. */
type Transition =
  | { kind: "go"; port: string; to: string }
  | { kind: "end"; port: string | null; outcome: CallOutcome; error: string | null };

function transitionOf(step: PlanStep, result: StepResult | null, thrown: unknown, hasThrown: boolean): Transition {
  if (hasThrown) {
    if (isHangup(thrown)) return { kind: "end", port: null, outcome: "caller-hangup", error: null };
    const errorTarget = Object.hasOwn(step.next, "error") ? step.next.error : null;
    if (typeof errorTarget === "string") return { kind: "go", port: "error", to: errorTarget };
    return { kind: "end", port: null, outcome: "failed", error: `${step.label ?? step.id}: ${messageOf(thrown)}` };
  }
  if (result === null) return { kind: "end", port: null, outcome: "failed", error: `${step.id}: no result` };
  if ("end" in result) return { kind: "end", port: null, outcome: result.end, error: null };
  if (!Object.hasOwn(step.next, result.port)) {
    return { kind: "end", port: null, outcome: "failed", error: `${step.label ?? step.id}: unknown exit "${result.port}"` };
  }
  const target = step.next[result.port];
  if (typeof target === "string") return { kind: "go", port: result.port, to: target };
  return { kind: "end", port: result.port, outcome: "completed", error: null };
}

/**
 * Runs a compiled plan step by step: the interpreter used inside the Temporal workflow, by tests
 * and by the designer's test call. Deterministic: all time and I/O come from `effects`.
 */
export async function runPlan(options: RunOptions): Promise<RunResult> {
  const { plan, effects, executors } = options;
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const vars = new FlowVariables(initialVariables(plan, options.vars));
  const ctx = createExecContext(effects, vars, options.clock, options.routing ?? null);
  let stepId = options.startAt ?? plan.entry;
  let seq = options.seq ?? 0;
  let lastStepId: string | null = null;
  const ended = (outcome: CallOutcome, error: string | null): RunResult => ({
    status: "ended",
    outcome,
    vars: vars.snapshot(),
    seq,
    lastStepId,
    error,
  });

  for (;;) {
    if (seq >= maxSteps) return ended("step-limit", `the call reached the limit of ${maxSteps} steps`);
    const step = Object.hasOwn(plan.steps, stepId) ? plan.steps[stepId] : undefined;
    if (step === undefined) return ended("failed", `step "${stepId}" is not in the plan`);
    const executor = Object.hasOwn(executors, step.type) ? executors[step.type] : undefined;

    const before = vars.snapshot();
    const enteredAt = effects.now();
    options.onStepStart?.(step.id);
    let result: StepResult | null = null;
    let thrown: unknown = null;
    let hasThrown = false;
    if (executor === undefined) {
      hasThrown = true;
      thrown = new Error(`no executor for node type "${step.type}"`);
    } else {
      try {
        result = await executor(step, ctx);
      } catch (error) {
        hasThrown = true;
        thrown = error;
      }
    }
    // A plan from a newer compiler must not wander into its error path on this worker.
    const transition: Transition =
      executor === undefined
        ? { kind: "end", port: null, outcome: "failed", error: messageOf(thrown) }
        : transitionOf(step, result, thrown, hasThrown);

    seq += 1;
    lastStepId = step.id;
    const stepError = hasThrown ? (isHangup(thrown) ? "hangup" : messageOf(thrown)) : (result?.error ?? null);
    options.onStep?.({
      seq,
      stepId: step.id,
      stepType: step.type,
      label: step.label ?? null,
      enteredAt: enteredAt.toISOString(),
      durationMs: Math.max(0, effects.now().getTime() - enteredAt.getTime()),
      port: transition.port,
      input: result?.input ? result.input : null,
      varsChanged: varsDiff(before, vars.snapshot()),
      error: stepError,
    });

    if (transition.kind === "end") return ended(transition.outcome, transition.error);
    stepId = transition.to;
    if (options.shouldPause?.()) return { status: "paused", resumeAt: stepId, vars: vars.snapshot(), seq };
  }
}
