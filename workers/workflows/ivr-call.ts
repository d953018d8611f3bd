import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, log, patched, workflowInfo } from "@temporalio/workflow";
import { CallHangupError, type SubflowResult } from "../../flows-runtime/interpreter/effects";
import { runPlan, type RunResult } from "../../flows-runtime/interpreter/run-plan";
import { nodeExecutors } from "../../flows-runtime/nodes/registry.workflow";
import { pretendClock } from "../../flows-runtime/pretend/pretend-clock";
import { applyPretendVariables } from "../../flows-runtime/pretend/pretend-variables";
import type { CallPlans } from "../persistence/call-plans";
import type { BeginExecutionInput, Handover } from "../persistence/execution-store";
import { ari, db, dbWrites } from "./activity-proxies";
import { BatchedTrace } from "./batched-trace";
import { CALL_COST_2_PATCH } from "./call-cost-2-patch";
import type { IvrCallInput, IvrCallResult } from "./call-input";
import { TemporalCallEffects, type ChannelFate, type RoutingFlows } from "./call-effects";
import { CallSignalState } from "./call-signal-state";
import type { CallTrace } from "./call-trace";
import { TraceBuffer } from "./trace-buffer";
import { DEFAULT_ASTERISK_ID } from "../default-asterisk-id";
import { campaignEffects, campaignVariables } from "../campaigns/campaign-call-effects";

/** Continue-as-new at least this often; the server's continueAsNewSuggested usually comes later. */
export const DEFAULT_STEPS_PER_RUN = 500;
/** Subflows may call subflows; a cycle between published flows must not recurse forever. */
const MAX_SUBFLOW_DEPTH = 8;
/** While bridged, the channels are asked this often whether both are still there (a lost hangup event). */
const BRIDGED_CHECK_MS = 60_000;

/**
 * The one interpreter workflow: runs any compiled plan, pinned to the versions loaded when the
 * call started. All I/O goes through activities; caller events arrive as signals from the ARI bridge.
 */
export async function ivrCallWorkflow(input: IvrCallInput): Promise<IvrCallResult> {
  const signals = new CallSignalState(input.resume?.pendingDigits);
  signals.install();
  const resume = input.resume;

  // Decided once per run: a run keeps the commands it started with, whatever code replays it.
  const costPatch2 = patched(CALL_COST_2_PATCH);
  const { executionId, callPlans, executionRow } = await beginCall(input, signals, costPatch2);
  const mainPlan = callPlans.plans[callPlans.mainFlowId];
  if (!mainPlan) throw ApplicationFailure.nonRetryable(`plan of flow ${callPlans.mainFlowId} missing`);
  const pinnedVersions = Object.fromEntries(Object.values(callPlans.plans).map((p) => [p.flowId, p.versionId]));

  const trace: CallTrace = costPatch2
    ? new BatchedTrace(executionId, resume?.traceSeq ?? 1, resume ? null : beginInput(input))
    : new TraceBuffer(executionId, resume?.traceSeq ?? 1, executionRow);
  const resumedCall = callFieldsOf(resume?.vars);
  const callVars = {
    caller: input.caller,
    dialed: input.dialed,
    id: input.callId,
    language: input.pretend?.language ?? input.language,
    startedAt: resumedCall.startedAt ?? workflowInfo().runStartTime.toISOString(),
  };
  let subflowDepth = 0;
  const pretend = input.pretend;
  // Anchored at the call's start (kept across continue-as-new), so every run reads the same pretended time.
  const clock = pretend?.clock === undefined ? undefined : pretendClock(pretend.clock, new Date(callVars.startedAt));
  /** The step running now, as traced ("<flowId>:<stepId>" inside a subflow): its HTTP request may have a canned answer. */
  let currentStep: string | null = null;

  const runSubflow = async (flowId: string, inputs: Record<string, unknown>): Promise<SubflowResult> => {
    const pinned = callPlans.plans[flowId];
    if (!pinned) throw new Error(`subflow ${flowId} was not pinned when the call started`);
    if (subflowDepth >= MAX_SUBFLOW_DEPTH) throw new Error(`subflows nested deeper than ${MAX_SUBFLOW_DEPTH}`);
    subflowDepth += 1;
    try {
      const result = await runPlan({
        plan: pinned.plan,
        effects,
        executors: nodeExecutors,
        vars: { ...inputs, call: { ...callVars, language: currentLanguage ?? callVars.language } },
        clock,
        onStepStart: (stepId) => {
          currentStep = `${flowId}:${stepId}`;
        },
        onStep: (step) => trace.push(step, flowId),
      });
      if (result.status === "paused") throw new Error("a subflow cannot pause");
      return { outputs: result.vars, outcome: result.outcome };
    } finally {
      subflowDepth -= 1;
    }
  };
  /** A queue's routing flow, run inside the transfer step like a subflow, with the call's variables (README "Routing flows"). */
  const routingFlows: RoutingFlows = {
    flowFor: (queue) => {
      const flowId = callPlans.routingFlows?.[queue];
      return flowId !== undefined && callPlans.plans[flowId]?.plan.kind === "routing" ? flowId : null;
    },
    run: async (flowId, session) => {
      const pinned = callPlans.plans[flowId];
      if (!pinned) throw new Error(`routing flow ${flowId} was not pinned when the call started`);
      const result = await runPlan({
        plan: pinned.plan,
        effects,
        executors: nodeExecutors,
        vars: { ...flowVariables, call: { ...callVars, language: currentLanguage ?? callVars.language } },
        routing: session,
        clock,
        onStepStart: (stepId) => {
          currentStep = `${flowId}:${stepId}`;
        },
        onStep: (step) => trace.push(step, flowId),
      });
      return result.status === "ended" ? { outcome: result.outcome, error: result.error } : { outcome: "failed", error: "a routing flow cannot pause" };
    },
  };
  const effects = new TemporalCallEffects({
    callId: input.callId,
    asteriskId: asteriskOf(input),
    executionId,
    signals,
    trace,
    runSubflow,
    recordingsMade: resume?.recordings ?? 0,
    markBargeInPlaybacks: costPatch2,
    pretendsCustomer: pretend?.variables?.some((variable) => variable.name === "customer" || variable.name.startsWith("customer.")) ?? false,
    cannedHttp: () => (currentStep === null ? undefined : pretend?.http?.find((canned) => canned.nodeId === currentStep)),
    ...(input.campaign ? { campaign: campaignEffects(input.campaign) } : {}),
    // A test call that pretends has no agents behind it: its queues continue to the dialplan as before.
    ...(pretend === undefined
      ? {
          queueCall: {
            workflowId: workflowInfo().workflowId,
            caller: input.caller,
            dialed: input.dialed,
            language: () => currentLanguage ?? callVars.language,
            variables: () => flowVariables,
          },
          routingFlows,
        }
      : {}),
  });
  /** The flow's variables as its steps left them: a queued call shows them to the agent. */
  const flowVariables: Record<string, unknown> = {
    ...Object.fromEntries(mainPlan.plan.variables.map((variable) => [variable.name, variable.initial ?? null])),
    ...withoutCall(resume?.vars ?? {}),
  };

  // call.language can change mid-call (language-select); subflows inherit the current one.
  let currentLanguage: string | null = resumedCall.language ?? input.pretend?.language ?? null;
  const stepsPerRun = input.stepsPerRun ?? DEFAULT_STEPS_PER_RUN;
  let stepsThisRun = 0;

  let outcome = "failed";
  let error: string | null = null;
  let run: RunResult | null = null;
  try {
    run = await runPlan({
      plan: mainPlan.plan,
      effects,
      executors: nodeExecutors,
      vars: resume?.vars ?? (pretend?.variables === undefined ? { call: callVars, ...campaignVariables(input) } : applyPretendVariables(mainPlan.plan, { call: callVars }, pretend.variables)),
      startAt: resume?.at,
      seq: resume?.seq,
      clock,
      onStepStart: (stepId) => {
        currentStep = stepId;
      },
      onStep: (step) => {
        stepsThisRun += 1;
        for (const [name, change] of Object.entries(step.varsChanged)) if (!name.startsWith("call.")) flowVariables[name] = change.after;
        const language = step.varsChanged["call.language"]?.after;
        if (typeof language === "string") currentLanguage = language;
        trace.push(step, null);
      },
      shouldPause: () =>
        subflowDepth === 0 &&
        signals.hangup === null &&
        (stepsThisRun >= stepsPerRun || workflowInfo().continueAsNewSuggested),
    });
  } catch (err) {
    log.error("flow run failed", { error: String(err) });
    error = err instanceof Error ? err.message : String(err);
  }
  if (run?.status === "paused") {
    // The next run knows nothing of a prompt this one left playing. Best effort: a hangup shows in `signals`.
    await effects.stopInterrupted("continue-as-new").catch((err: unknown) => {
      if (!(err instanceof CallHangupError)) log.warn("an interrupted prompt could not be stopped", { error: String(err) });
    });
    await trace.flushAll();
    // The next run takes the row as written.
    if (executionRow !== null) await executionRow;
    // Handlers are synchronous, so every signal received so far is in `signals`. A signal that
    // arrives while this task completes makes the server refuse the continue-as-new and replay
    // it here first, so nothing is lost across the switch.
    await condition(allHandlersFinished);
    if (signals.hangup === null) {
      return await continueAsNew<typeof ivrCallWorkflow>({
        ...input,
        executionId,
        resume: {
          at: run.resumeAt,
          vars: run.vars,
          seq: run.seq,
          pendingDigits: signals.pendingDigits,
          traceSeq: trace.nextSeq,
          pinnedVersions,
          recordings: effects.recordingCount,
        },
      });
    }
    outcome = "caller-hangup";
  } else if (run?.status === "ended") {
    outcome = run.outcome;
    error = run.error;
  }

  const fate = effects.channel;
  // The flow ended with the caller still on the line: release the channel before any DB write.
  if (fate.kind === "up") await ari.hangupChannel(asteriskOf(input), input.callId);
  const endedAt = new Date().toISOString();
  // Written while a bridged transfer is supervised: a database outage must not keep a leg up.
  const persisted = trace.finish({ executionId, outcome, error, endedAt, handover: handoverOf(fate), language: currentLanguage });
  if (fate.kind === "bridged") await superviseBridge(asteriskOf(input), input.callId, fate.handover, signals);
  await persisted;
  return { outcome, error, lastStepId: trace.lastStepId, steps: trace.nextSeq - 1 };
}

/** The CallExecution row of a call's first run. */
function beginInput(input: IvrCallInput): BeginExecutionInput {
  return {
    executionId: input.executionId,
    workflowId: workflowInfo().workflowId,
    channelId: input.callId,
    asteriskId: asteriskOf(input),
    flowId: input.flowId,
    flowVersionId: input.flowVersionId,
    testCallPlanId: input.testPlanId ?? null,
    caller: input.caller,
    dialed: input.dialed,
    language: input.language,
    startedAt: workflowInfo().runStartTime.toISOString(),
  };
}

/**
 * Answers and loads the plans. Runs started before CALL_COST_2_PATCH write the CallExecution row
 * meanwhile without the caller waiting for it (`executionRow`: null when a previous run wrote it, or
 * when the row goes with the trace's first batch), so a database outage delays only the trace.
 */
async function beginCall(
  input: IvrCallInput,
  signals: CallSignalState,
  rowWithTrace: boolean,
): Promise<{ executionId: string; callPlans: CallPlans; executionRow: Promise<boolean> | null }> {
  const resume = input.resume;
  try {
    // Scheduled in this order (answer, row, plans): recorded histories expect it.
    const answering = resume ? Promise.resolve("ok") : ari.answerChannel(asteriskOf(input), input.callId);
    const executionRow =
      resume || rowWithTrace
        ? null
        : dbWrites.beginExecution({ ...beginInput(input), startedAt: new Date().toISOString() }).then(
            () => true,
            (err: unknown) => {
              log.error("call execution row could not be written: the call runs without a trace", { error: String(err) });
              return false;
            },
          );
    const [answered, callPlans] = await Promise.all([
      answering,
      db.loadCallPlans({ flowVersionId: input.flowVersionId, testPlanId: input.testPlanId ?? null }, resume?.pinnedVersions ?? {}),
    ]);
    if (answered === "gone") signals.hangup ??= { cause: null };
    return { executionId: input.executionId, callPlans, executionRow };
  } catch (err) {
    // Without its plan the call cannot run: do not leave the caller in silence.
    await ari.hangupChannel(asteriskOf(input), input.callId).catch(() => undefined);
    throw ApplicationFailure.nonRetryable(`call could not start: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The Asterisk that holds the call's channel: every ARI command goes there. */
function asteriskOf(input: IvrCallInput): string {
  return input.asteriskId ?? DEFAULT_ASTERISK_ID;
}

function withoutCall(vars: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(vars).filter(([name]) => name !== "call"));
}

/** call.startedAt and call.language as a previous run left them. */
function callFieldsOf(vars: Record<string, unknown> | undefined): { startedAt?: string; language?: string } {
  const call = vars?.call;
  if (typeof call !== "object" || call === null) return {};
  const startedAt = Reflect.get(call, "startedAt");
  const language = Reflect.get(call, "language");
  return {
    ...(typeof startedAt === "string" ? { startedAt } : {}),
    ...(typeof language === "string" && language !== "" ? { language } : {}),
  };
}

function handoverOf(fate: ChannelFate): Handover | null {
  return fate.kind === "left-to-dialplan" || fate.kind === "bridged" || fate.kind === "queue-ended" ? fate.handover : null;
}

/** A bridged transfer lasts until either side hangs up; then the other side and the bridge go too. */
async function superviseBridge(
  asteriskId: string,
  callId: string,
  handover: Extract<Handover, { legChannelId: string }>,
  signals: CallSignalState,
): Promise<void> {
  const legChannelId = handover.legChannelId;
  const over = () => signals.hangup !== null || signals.endedLegs.has(legChannelId);
  while (!over()) {
    const reconciles = signals.reconciles;
    await condition(() => over() || signals.reconciles !== reconciles, BRIDGED_CHECK_MS);
    if (over()) break;
    // A hangup event may have been lost: the channels tell.
    const [caller, leg] = await Promise.all([ari.channelState(asteriskId, callId), ari.channelState(asteriskId, legChannelId)]);
    if (caller.kind === "gone") signals.hangup ??= { cause: null };
    if (leg.kind === "gone" && !signals.endedLegs.has(legChannelId)) signals.endedLegs.set(legChannelId, "hangup");
  }
  await ari.hangupChannel(asteriskId, signals.hangup !== null ? legChannelId : callId);
  await ari.destroyBridge(asteriskId, handover.bridgeId);
}
