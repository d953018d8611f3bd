import { prisma, type PrismaClient } from "@/prisma/client";
import type { CallStatus, SimulatorControl } from "@/workers/ari-simulator/control/client";
import type { Session } from "@/app/_server/auth/session";
import { subflowCompiledSchema } from "@/flows-runtime/nodes/subflow/compiled";
import type { Plan } from "@/flows-runtime/plan/schema";
import { subflowIdsInTrace, subflowPlans } from "@/app/_server/calls/subflow-plans";
import { callTimeline, type CallTimeline } from "./call-timeline";
import { loadTestCall } from "./load-test-call";
import { callWorkflowId } from "@/workers/workflows/call-workflow-id";
import { simulatorControl, TEST_CALLER, TEST_DIALED, testCallAsteriskId } from "./simulator";

export interface TestCallStep {
  seq: number;
  nodeId: string;
  nodeType: string;
  label: string | null;
  enteredAt: string;
  durationMs: number;
  port: string | null;
  input: string | null;
  varsChanged: unknown;
  error: string | null;
  /** What the step did outside the flow: a transfer's hand-over, a canned HTTP answer ({cannedHttp: {status}}). */
  detail: unknown;
}

export interface TestCallView extends CallTimeline {
  callId: string;
  /** "starting": the engine has not picked the call up yet; "running"; "ended". */
  state: "starting" | "running" | "ended";
  outcome: string | null;
  error: string | null;
  steps: TestCallStep[];
}

/**
 * After the line drops, the workflow still writes its last steps and the call's end. Until it has (or
 * this long after the simulator's last event: a worker that died never will), the call is not over
 * for the designer, which stops reading the trace once it is.
 */
const TRACE_SETTLE_MS = 3_000;

const lastLogAt = (status: CallStatus): number => status.log.reduce((latest, entry) => Math.max(latest, entry.t), 0);

async function simulatorStatus(control: SimulatorControl, callId: string): Promise<CallStatus | null> {
  try {
    return await control.getCall(callId);
  } catch {
    // The simulator forgot the call (restarted): what the database has is all there is.
    return null;
  }
}

/** Steps so far (CallExecution/CallStep of the call's workflow, see callWorkflowId), prompts played and the call's state. */
export async function getTestCall(
  actor: Session,
  flowId: string,
  callId: string,
  deps: { db?: PrismaClient; control?: SimulatorControl } = {},
): Promise<TestCallView> {
  const db = deps.db ?? prisma();
  const snapshot = await loadTestCall(db, actor, flowId, callId);
  const [status, execution] = await Promise.all([
    simulatorStatus(deps.control ?? simulatorControl(), callId),
    db.callExecution.findUnique({
      where: { workflowId: callWorkflowId(callId, testCallAsteriskId()) },
      include: { steps: { orderBy: { seq: "asc" } } },
    }),
  ]);
  const steps: TestCallStep[] = (execution?.steps ?? []).map((step) => ({
    seq: step.seq,
    nodeId: step.nodeId,
    nodeType: step.nodeType,
    label: step.label,
    enteredAt: step.enteredAt.toISOString(),
    durationMs: step.durationMs,
    port: step.port,
    input: step.input,
    varsChanged: step.varsChanged,
    error: step.error,
    detail: step.detail,
  }));
  const ended = execution?.endedAt != null || status === null || (status.done && (execution === null || Date.now() - lastLogAt(status) > TRACE_SETTLE_MS));
  const subflows = await subflowPlansOf(db, snapshot.plan, execution?.steps ?? [], execution?.startedAt ?? new Date());
  const timeline = callTimeline({
    plan: snapshot.plan,
    subflows,
    steps: (execution?.steps ?? []).map((step) => ({ ...step, varsChanged: step.varsChanged })),
    log: status?.log ?? [],
    callVars: {
      caller: execution?.caller ?? TEST_CALLER,
      dialed: execution?.dialed ?? TEST_DIALED,
      id: callId,
      language: execution?.language ?? "",
      startedAt: execution?.startedAt.toISOString() ?? "",
    },
    ended,
  });
  return {
    ...timeline,
    callId,
    state: ended ? "ended" : execution === null ? "starting" : "running",
    outcome: execution?.outcome ?? (ended ? "not-run" : null),
    // The line was dropped before any flow step ran: the engine refused or never saw the call.
    error: execution?.error ?? (ended && execution === null ? "The call engine did not run this test call." : null),
    steps,
  };
}

/** Plans of the subflows the test call runs (those named by the snapshot's subflow nodes and those in its trace), so their prompts read as text. */
async function subflowPlansOf(db: PrismaClient, plan: Plan, steps: readonly { nodeId: string }[], at: Date): Promise<Record<string, Plan>> {
  const named = Object.values(plan.steps).flatMap((step) => {
    const sub = step.type === "subflow" ? subflowCompiledSchema.safeParse(step.config).data : undefined;
    return sub === undefined ? [] : [sub.flowId];
  });
  const traced = subflowIdsInTrace(
    steps.map((step) => step.nodeId),
    new Set(Object.keys(plan.steps)),
  );
  const ids = [...new Set([...named, ...traced])];
  const tracedSteps = new Map(ids.map((id) => [id, steps.filter((step) => step.nodeId.startsWith(`${id}:`)).map((step) => step.nodeId.slice(id.length + 1))]));
  const found = await subflowPlans(db, ids, at, tracedSteps);
  return Object.fromEntries(Object.values(found).map((sub) => [sub.flowId, sub.plan]));
}
