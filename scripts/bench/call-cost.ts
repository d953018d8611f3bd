/**
 * What one call costs the Temporal path: workflow tasks, history events and bytes, CPU of worker
 * and Temporal server, read from the histories and /proc after N calls through the real stack.
 *   npx tsx scripts/bench/call-cost.ts --calls 40 --rate 4
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Client } from "@temporalio/client";
import proto from "@temporalio/proto";
import { z } from "zod";
import { callWorkflowId } from "@/workers/workflows/signals";
import { callMetrics } from "./call-metrics";
import { MENU_IVR_DID, runBench, withMenuIvrStack } from "./menu-ivr-stack";
import { readCpuSeconds } from "./proc-cpu";
import { sampleMemory } from "./proc-memory";
import { runLoad } from "./run-load";

const WARMUP_CALLS = 6;
const note = (line: string) => process.stderr.write(`call-cost: ${line}\n`);

const optionsSchema = z.object({
  calls: z.coerce.number().int().min(1).max(2_000).default(40),
  rate: z.coerce.number().min(0).max(1_000).default(4),
  timeScale: z.coerce.number().positive().max(1).default(1),
});

function callerScript(i: number): string {
  const department = 1 + (i % 3);
  const order = 1 + (Math.floor(i / 3) % 2);
  return `wait prompt; press ${department}; wait prompt; press ${order}; wait prompt; press 1; wait prompt; expect hangup; timeout 90s`;
}

interface HistoryCost {
  events: number;
  bytes: number;
  workflowTasks: number;
  byType: Map<string, { count: number; bytes: number }>;
  /** Why workflow tasks failed (a task that fails is run again: pure waste, and often a bug). */
  taskFailures: string[];
}

function count(byType: Map<string, { count: number; bytes: number }>, key: string, bytes: number): void {
  const entry = byType.get(key) ?? { count: 0, bytes: 0 };
  entry.count += 1;
  entry.bytes += bytes;
  byType.set(key, entry);
}

async function historyCost(client: Client, callId: string): Promise<HistoryCost> {
  const handle = client.workflow.getHandle(callWorkflowId(callId));
  // The caller's script ends at the hangup; the workflow still writes the trace and the outcome.
  await Promise.race([handle.result().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 30_000))]);
  const history = await handle.fetchHistory();
  const events = history.events ?? [];
  const byType = new Map<string, { count: number; bytes: number }>();
  let workflowTasks = 0;
  const taskFailures: string[] = [];
  for (const event of events) {
    const payload = event.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
    if (payload) {
      const data: unknown = JSON.parse(Buffer.from(payload).toString("utf8"));
      const activity = typeof data === "object" && data !== null ? (Reflect.get(data, "activity_type") ?? Reflect.get(data, "activityType")) : undefined;
      if (typeof activity === "string") count(byType, `local activity ${activity}`, proto.temporal.api.history.v1.HistoryEvent.encode(event).finish().length);
    }
    const failed = event.workflowTaskFailedEventAttributes;
    if (failed) taskFailures.push(`${failed.cause ?? ""} ${failed.failure?.message ?? ""}`);
    const type = proto.temporal.api.enums.v1.EventType[event.eventType ?? 0] ?? "unknown";
    if (event.eventType === proto.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) workflowTasks += 1;
    const bytes = proto.temporal.api.history.v1.HistoryEvent.encode(event).finish().length;
    count(byType, type, bytes);
  }
  return { events: events.length, bytes: proto.temporal.api.history.v1.History.encode(history).finish().length, workflowTasks, byType, taskFailures };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { calls: { type: "string" }, rate: { type: "string" }, "time-scale": { type: "string" } } });
  const options = optionsSchema.parse({ calls: values.calls, rate: values.rate, timeScale: values["time-scale"] });
  await withMenuIvrStack(options.timeScale, async ({ stack, worker, simulator, server }) => {
    const request = (i: number) => ({ to: MENU_IVR_DID, from: `1380000${String(i).padStart(4, "0")}`, script: callerScript(i) });
    note(`${WARMUP_CALLS} warm-up calls`);
    await runLoad(simulator.control, { calls: WARMUP_CALLS, concurrency: WARMUP_CALLS, request, callTimeoutMs: 60_000 });

    const loadAverage = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    const pids = [
      { label: "worker", pid: worker.pid },
      { label: "Temporal server", pid: server.pid },
    ];
    const before = pids.map((p) => readCpuSeconds(p.pid) ?? Number.NaN);
    const rss = sampleMemory(worker.pid);
    note(`${options.calls} calls at ${options.rate}/s, time scale ${options.timeScale}, load average ${loadAverage}`);
    const load = await runLoad(simulator.control, {
      calls: options.calls,
      concurrency: options.calls,
      ratePerSecond: options.rate,
      request,
      callTimeoutMs: 90_000,
    });
    const cpuMs = pids.map((p, i) => (((readCpuSeconds(p.pid) ?? Number.NaN) - (before[i] ?? Number.NaN)) * 1000) / options.calls);
    const memory = rss.stop();
    const metrics = callMetrics(simulator.sw.log.entries, new Set(load.callIds));

    const costs = await Promise.all(load.callIds.map((id) => historyCost(stack.temporal.client, id)));
    const per = (pick: (c: HistoryCost) => number) => costs.reduce((sum, c) => sum + pick(c), 0) / costs.length;
    const types = new Map<string, { count: number; bytes: number }>();
    for (const c of costs) {
      for (const [type, e] of c.byType) {
        const t = types.get(type) ?? { count: 0, bytes: 0 };
        t.count += e.count;
        t.bytes += e.bytes;
        types.set(type, t);
      }
    }
    const lines = [
      `calls: ${options.calls} at ${options.rate}/s, time scale ${options.timeScale}; ${load.failures.length} failed; load average at start ${loadAverage}`,
      `workflow tasks/call: ${per((c) => c.workflowTasks).toFixed(1)}`,
      `history events/call: ${per((c) => c.events).toFixed(1)}`,
      `history bytes/call: ${Math.round(per((c) => c.bytes))}`,
      `CPU/call: worker ${cpuMs[0]?.toFixed(1)} ms, Temporal server ${cpuMs[1]?.toFixed(1)} ms`,
      `worker RSS peak: ${memory.maxRssMiB.toFixed(0)} MiB`,
      `call setup p50 / p99: ${metrics.setup.p50.toFixed(1)} / ${metrics.setup.p99.toFixed(1)} ms`,
      `DTMF → next prompt p50 / p99: ${metrics.dtmfToPrompt.p50.toFixed(1)} / ${metrics.dtmfToPrompt.p99.toFixed(1)} ms`,
      "",
      "| event type | per call | bytes per call |",
      "| --- | ---: | ---: |",
      ...[...types.entries()]
        .sort((a, b) => b[1].bytes - a[1].bytes)
        .map(([type, t]) => `| ${type.replace("EVENT_TYPE_", "")} | ${(t.count / costs.length).toFixed(1)} | ${Math.round(t.bytes / costs.length)} |`),
    ];
    const taskFailures = costs.flatMap((c) => c.taskFailures);
    if (taskFailures.length > 0) lines.push("", `workflow task failures: ${taskFailures.length}, first: ${taskFailures[0]}`);
    if (load.failures.length > 0) lines.push("", `failures: ${JSON.stringify(load.failures.slice(0, 3))}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  });
}

runBench("call-cost", main);
