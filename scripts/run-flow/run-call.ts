import { randomUUID } from "node:crypto";
import { WorkflowNotFoundError } from "@temporalio/common";
import type { Client } from "@temporalio/client";
import type { Graph } from "@/flows-runtime/graph/schema";
import type { HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { createAriClient } from "@/workers/ari";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import type { IvrCallResult } from "@/workers/workflows/call-input";
import { callWorkflowId } from "@/workers/workflows/signals";
import type { AsteriskTarget } from "./args";
import { buildCallReport, type CallReport, type RunOutcome } from "./call-report";
import { localContextOf, originateCaller } from "./originate-caller";
import { createScratchDatabase } from "./scratch-database";
import { startTemporalDevServer } from "./temporal-dev-server";

export interface RunCallRequest {
  graph: Graph;
  from: string;
  to: string;
  script: string;
  language?: string;
  timeScale: number;
  timeoutMs: number;
  secrets: Record<string, string>;
  /** Written to the scratch database's HTTP allow-list. */
  httpPolicy: HttpPolicy;
  verbose: boolean;
  /** A real Asterisk instead of the simulator (then `originate` places the caller). */
  asterisk: AsteriskTarget | null;
  /** Local/<exten>@<context>: the caller is originated, not placed through the simulator's control API. */
  originate: string | null;
  /** Progress lines (stderr in the CLI). */
  note(line: string): void;
}

export interface RunCallResult {
  report: CallReport;
  timedOut: boolean;
}

/** Resolves with the call workflow's result; it may not have started yet when this is called. */
async function waitForWorkflow(client: Client, callId: string, timeoutMs: number): Promise<IvrCallResult> {
  const deadline = Date.now() + timeoutMs;
  const handle = client.workflow.getHandle(callWorkflowId(callId));
  for (;;) {
    try {
      await handle.describe();
      break;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError) || Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`call ${callId} still running after ${timeoutMs} ms`)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([handle.result(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts everything, runs one call through the flow, tears everything down. */
export async function runCall(req: RunCallRequest, onCleanup: (cleanup: () => Promise<void>) => void): Promise<RunCallResult> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((err: unknown) => req.note(`cleanup failed: ${String(err)}`));
  };
  onCleanup(cleanup);
  try {
    req.note(`starting PostgreSQL scratch database, Temporal dev server, ${req.asterisk ? `worker (Asterisk at ${req.asterisk.url})` : "simulator and worker"}…`);
    const [db, temporal] = await Promise.all([createScratchDatabase(), startTemporalDevServer()]);
    cleanups.push(() => db.drop(), () => temporal.stop());
    const callerContext = req.originate ? localContextOf(req.originate) : null;
    const stack: DevStack = await startDevStack({
      databaseUrl: db.url,
      temporal: { address: temporal.address, namespace: temporal.namespace },
      ...(req.asterisk
        ? { ari: { url: req.asterisk.url, username: req.asterisk.username, password: req.asterisk.password }, app: req.asterisk.app, ttsMedia: req.asterisk.ttsMedia }
        : { simulator: { timeScale: req.timeScale, ...(callerContext ? { callerContexts: { [callerContext]: req.script } } : {}) } }),
      secrets: req.secrets,
      httpPolicy: req.httpPolicy,
      verbose: req.verbose,
    });
    cleanups.push(() => stack.stop());
    // An originated caller reaches the flow by its Stasis argument (`to`); a trunk call by its number.
    await stack.publishFlow(req.graph, { did: req.to, ...(req.originate ? { stasisArg: req.to } : {}) });
    const ari = createAriClient({ url: stack.ari.url, username: stack.ari.username, password: stack.ari.password, app: stack.ari.app });
    const callId = req.originate
      ? await originateCaller(ari.channels, { endpoint: req.originate, app: stack.ari.app, to: req.to, from: req.from, channelId: `run-flow-${randomUUID()}` })
      : await stack.placeCall({ to: req.to, from: req.from, script: req.script, ...(req.language ? { language: req.language } : {}) });
    req.note(`call ${callId} placed: ${req.from} -> ${req.to}${req.originate ? ` (originated ${req.originate})` : ""}`);

    const wait = async (timeoutMs: number): Promise<RunOutcome> =>
      stack.simulator ? stack.waitForCall(callId, timeoutMs) : { status: null, result: await waitForWorkflow(stack.temporal.client, callId, timeoutMs) };
    let outcome: RunOutcome;
    let timedOut = false;
    try {
      outcome = await wait(req.timeoutMs);
    } catch (err) {
      timedOut = true;
      req.note(`${err instanceof Error ? err.message : String(err)}; hanging up`);
      if (stack.simulator) await stack.simulator.control.hangup(callId).catch(() => undefined);
      else await ari.channels.hangup(callId).catch(() => undefined);
      outcome = await wait(15_000);
    }
    const execution = await stack.getExecution(callId);
    return { report: buildCallReport(callId, execution, outcome, stack.ttsText), timedOut };
  } finally {
    await cleanup();
  }
}
