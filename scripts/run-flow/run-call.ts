import type { Graph } from "@/flows-runtime/graph/schema";
import type { HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { startDevStack, type CallOutcome, type DevStack } from "@/workers/dev-stack";
import { buildCallReport, type CallReport } from "./call-report";
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
  /** Progress lines (stderr in the CLI). */
  note(line: string): void;
}

export interface RunCallResult {
  report: CallReport;
  timedOut: boolean;
}

/** Starts everything, runs one scripted call through the flow, tears everything down. */
export async function runCall(req: RunCallRequest, onCleanup: (cleanup: () => Promise<void>) => void): Promise<RunCallResult> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((err: unknown) => req.note(`cleanup failed: ${String(err)}`));
  };
  onCleanup(cleanup);
  try {
    req.note("starting PostgreSQL scratch database, Temporal dev server, simulator and worker…");
    const [db, temporal] = await Promise.all([createScratchDatabase(), startTemporalDevServer()]);
    cleanups.push(() => db.drop(), () => temporal.stop());
    const stack: DevStack = await startDevStack({
      databaseUrl: db.url,
      temporal: { address: temporal.address, namespace: temporal.namespace },
      simulator: { timeScale: req.timeScale },
      secrets: req.secrets,
      httpPolicy: req.httpPolicy,
      verbose: req.verbose,
    });
    cleanups.push(() => stack.stop());
    await stack.publishFlow(req.graph, { did: req.to });
    const callId = await stack.placeCall({ to: req.to, from: req.from, script: req.script, ...(req.language ? { language: req.language } : {}) });
    req.note(`call ${callId} placed: ${req.from} -> ${req.to}`);
    let outcome: CallOutcome;
    let timedOut = false;
    try {
      outcome = await stack.waitForCall(callId, req.timeoutMs);
    } catch (err) {
      timedOut = true;
      req.note(`${err instanceof Error ? err.message : String(err)}; hanging up`);
      await stack.simulator?.control.hangup(callId).catch(() => undefined);
      outcome = await stack.waitForCall(callId, 15_000);
    }
    const execution = await stack.getExecution(callId);
    return { report: buildCallReport(callId, execution, outcome, stack.ttsText), timedOut };
  } finally {
    await cleanup();
  }
}
