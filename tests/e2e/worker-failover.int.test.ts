import proto from "@temporalio/proto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { callWorkflowId } from "@/workers/workflows/signals";
import { counterLoopFlow } from "../support/graph-builder";
import { until } from "../support/until";

const CALLS = 4;
/**
 * Each key 1.5 s after its prompt started (past the prompt's end at this time scale): every call is
 * still pressing keys when the kill comes, also on a quiet machine, and its history is short then
 * (the surviving worker replays it).
 */
const PRESSES = 16;
/**
 * Key → next prompt on the surviving worker. The Temporal defaults make it 10 s and more (sticky queue
 * schedule-to-start 10 s, workflow task timeout 10 s; 11.8–12.1 s measured). With 1 s and 2 s: up to
 * 0.4 s when the server knew the dead worker's sticky queue had no poller, 1.5–2 s after the sticky
 * timeout, and for a task in flight the rest of its 2 s timeout plus the surviving worker's replay of
 * every call it takes over: 3.1–3.9 s on a quiet machine, 4.3–8.4 s at load average 17–25 on 2 cores
 * (README "A killed worker"). The bound is what held under that load, not the 2 s target. Under heavy
 * load the surviving worker's replays (all 4 at once: a worker holds up to 8 tasks) can outlast the
 * 2 s task timeout again and again, and a caller waits past the menu's timeout: this test then fails
 * on the caller's script (a known limit, not a flake to retry).
 */
const FAILOVER_BOUND_MS = 10_000;

const script = [
  ...Array.from({ length: PRESSES }, () => "wait prompt; wait 1500ms; press 1"),
  "wait prompt; wait 300ms; press 2; wait prompt; expect hangup; timeout 120s",
].join("; ");

const eventMs = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
  Number(t?.seconds ?? 0) * 1000 + (t?.nanos ?? 0) / 1e6;

/** Identity (Temporal's default `<pid>@<host>`) of the worker that took the call's last workflow task before `at`. */
async function workerAt(stack: DevStack, callId: string, at: number): Promise<string | null> {
  const history = await stack.temporal.client.workflow.getHandle(callWorkflowId(callId)).fetchHistory();
  let identity: string | null = null;
  for (const event of history.events ?? []) {
    const started = event.workflowTaskStartedEventAttributes;
    if (started && eventMs(event.eventTime) < at) identity = started.identity ?? null;
  }
  return identity;
}

/** The call's workflow task events around the kill, printed when the bound is missed (which worker, which timeout). */
async function taskEventsAround(stack: DevStack, callId: string, killedAt: number): Promise<string> {
  const history = await stack.temporal.client.workflow.getHandle(callWorkflowId(callId)).fetchHistory();
  const lines: string[] = [];
  for (const event of history.events ?? []) {
    const t = eventMs(event.eventTime) - killedAt;
    if (t < -1_000) continue;
    const detail =
      event.workflowTaskStartedEventAttributes?.identity ??
      event.workflowTaskScheduledEventAttributes?.taskQueue?.name ??
      event.workflowTaskTimedOutEventAttributes?.timeoutType ??
      event.workflowExecutionSignaledEventAttributes?.signalName ??
      event.markerRecordedEventAttributes?.markerName ??
      "";
    const type = proto.temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? "unknown";
    lines.push(`${Math.round(t)} ms ${type.replace(/^EVENT_TYPE_/, "")} ${detail}`);
  }
  return lines.join("\n");
}

describe("two workers, one killed with SIGKILL while calls run", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ worker: "child-process", simulator: { timeScale: 0.5 } });
    await stack.publishFlow(counterLoopFlow(), { did: "4020" });
  });
  afterAll(() => stack?.stop());

  it("the other worker answers every key within seconds and every call completes", { timeout: 240_000 }, async () => {
    const sim = stack.simulator;
    const first = stack.childWorker;
    if (!sim || !first) throw new Error("needs the simulator and a child-process worker");

    // Calls start while only the first worker runs: their workflows are cached (sticky) there.
    const callIds = await Promise.all(
      Array.from({ length: CALLS }, (_, i) => stack.placeCall({ to: "4020", from: `1390000000${i}`, script })),
    );
    await until("every call's first prompt", async () => {
      const plays = await sim.control.log({ kind: "playRequest" });
      return callIds.every((id) => plays.some((p) => p.channelId === id)) ? true : undefined;
    }, 60_000);
    const second = await stack.startChildWorker();

    await until("two keys pressed on every call", async () => {
      const dtmf = await sim.control.log({ kind: "dtmf" });
      return callIds.every((id) => dtmf.filter((d) => d.channelId === id).length >= 2) ? true : undefined;
    }, 60_000);
    // The worst case: a workflow task in flight on the dead worker. The next prompt's local activity
    // asks ARI about its playback first; that answer is held back, and the worker dies waiting for it.
    const heldFrom = performance.timeOrigin + performance.now();
    await sim.control.delayResponses({ method: "GET", path: "^/playbacks/[^/]+$", ms: 60_000, count: 1 });
    const [held] = await until("a prompt's local activity waiting on ARI", async () => {
      const entries = await sim.control.log({ kind: "responseHeld" });
      return entries.length > 0 ? entries : undefined;
    }, 30_000);
    const killedAt = performance.timeOrigin + performance.now();
    await first.kill("SIGKILL");
    const keysBefore = await sim.control.log({ kind: "dtmf" });
    console.log(`ARI answer held ${Math.round((held?.t ?? 0) - heldFrom)} ms after the rule; kill ${Math.round(killedAt - heldFrom)} ms after; keys then: ${callIds.map((id) => keysBefore.filter((d) => d.channelId === id).length).join(", ")}`);
    const pressing = callIds.filter((id) => keysBefore.filter((d) => d.channelId === id).length < PRESSES);
    expect(pressing.length, "calls still pressing keys at the kill").toBeGreaterThanOrEqual(1);

    const outcomes = await Promise.all(callIds.map((id) => stack.waitForCall(id, 120_000)));
    const timedOut: string[] = [];
    for (const [i, { status, result }] of outcomes.entries()) {
      const callId = callIds[i] ?? "";
      const events = await taskEventsAround(stack, callId, killedAt);
      if (events.includes("WORKFLOW_TASK_TIMED_OUT 1")) timedOut.push(callId);
      const ok = result?.outcome === "completed" && status.script?.status === "completed";
      if (!ok) console.log(`call ${callId}: ${JSON.stringify(status.script)}; workflow tasks around the kill:\n${events}`);
    }
    for (const { status, result } of outcomes) {
      expect(result?.outcome).toBe("completed");
      // A caller left waiting past the menu's 10 s timeout ends "completed" too, but mid-script.
      expect(status.script, JSON.stringify(status.script)).toMatchObject({ status: "completed" });
    }
    // The held answer kept a workflow task open on the dead worker: it timed out (start-to-close) and ran again.
    expect(timedOut.length, "calls whose in-flight workflow task timed out").toBeGreaterThanOrEqual(1);

    const log = await sim.control.log();
    const afterKill: number[] = [];
    let callsOnKilledWorker = 0;
    for (const callId of callIds) {
      const entries = log.filter((e) => e.channelId === callId).sort((a, b) => a.t - b.t);
      const plays = entries.filter((e) => e.kind === "playRequest");
      const keys = entries.filter((e) => e.kind === "dtmf" && e.delivered === true);
      expect(keys).toHaveLength(PRESSES + 1);
      for (const key of keys) {
        if (!plays.some((p) => p.t >= key.t)) throw new Error(`call ${callId}: no prompt after the key at ${key.t}`);
      }
      // On a loaded machine a call may have moved to the second worker before the kill (its sticky
      // task waited over 1 s): only calls the killed worker was running measure the failover.
      if (!(await workerAt(stack, callId, killedAt))?.startsWith(`${first.pid}@`)) continue;
      callsOnKilledWorker += 1;
      for (const key of keys) {
        const next = plays.find((p) => p.t >= key.t);
        if (next && key.t >= killedAt - 2_000) afterKill.push(next.t - key.t);
      }
    }
    console.log(`calls on the killed worker: ${callsOnKilledWorker}/${CALLS}; in-flight task timed out: ${timedOut.length}; longest ${Math.round(Math.max(...afterKill))} ms; key → next prompt around the kill (ms): ${afterKill.map((ms) => Math.round(ms)).join(", ")}`);
    expect(callsOnKilledWorker).toBeGreaterThanOrEqual(1);
    expect(afterKill.length).toBeGreaterThanOrEqual(callsOnKilledWorker);
    if (Math.max(...afterKill) >= FAILOVER_BOUND_MS) for (const id of callIds) console.log(`call ${id}:\n${await taskEventsAround(stack, id, killedAt)}`);
    expect(Math.max(...afterKill)).toBeLessThan(FAILOVER_BOUND_MS);
    await second.kill("SIGTERM");
  });
});
