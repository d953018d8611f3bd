import { readFileSync } from "node:fs";
import type { AriSimulator, PlaceCallRequest } from "@/workers/ari-simulator";
import { callMetrics, type CallMetrics } from "./call-metrics";
import { readCpuSeconds } from "./proc-cpu";
import { sampleMemory } from "./proc-memory";
import { runLoad } from "./run-load";

export interface MeasuredProcess {
  label: string;
  pid: number;
}

export interface PathResult {
  name: string;
  calls: number;
  failures: { callId: string; reason: string }[];
  metrics: CallMetrics;
  wallMs: number;
  memory: { label: string; maxRssMiB: number; lastRssMiB: number }[];
  /** CPU seconds each process used during the measured load. */
  cpu: { label: string; seconds: number }[];
  /** /proc/loadavg (1 min) when the load started: other work on the machine skews every figure. */
  loadAverage: number;
}

export interface MeasureOptions {
  name: string;
  simulator: AriSimulator;
  calls: number;
  concurrency: number;
  ratePerSecond: number;
  request(i: number): PlaceCallRequest;
  /** Calls before the measured run (TTS synthesis, JIT, caches), excluded from every figure. */
  warmupCalls: number;
  processes: MeasuredProcess[];
  note(line: string): void;
}

export async function measureLoad(options: MeasureOptions): Promise<PathResult> {
  const control = options.simulator.control;
  options.note(`${options.name}: ${options.warmupCalls} warm-up calls`);
  const warmup = await runLoad(control, { calls: options.warmupCalls, concurrency: options.warmupCalls, request: options.request, callTimeoutMs: 60_000 });
  if (warmup.failures.length > 0) throw new Error(`${options.name}: warm-up calls failed: ${JSON.stringify(warmup.failures.slice(0, 3))}`);

  options.note(`${options.name}: ${options.calls} calls, ${options.concurrency} at a time${options.ratePerSecond > 0 ? `, ${options.ratePerSecond} new calls/s` : ""}`);
  const loadAverage = Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  const cpuBefore = options.processes.map((p) => readCpuSeconds(p.pid) ?? Number.NaN);
  const samplers = options.processes.map((p) => ({ label: p.label, sampler: sampleMemory(p.pid) }));
  const load = await runLoad(control, {
    calls: options.calls,
    concurrency: options.concurrency,
    ratePerSecond: options.ratePerSecond,
    request: options.request,
    callTimeoutMs: 90_000,
  });
  const memory = samplers.map(({ label, sampler }) => ({ label, ...sampler.stop() }));
  const cpu = options.processes.map((p, i) => ({ label: p.label, seconds: (readCpuSeconds(p.pid) ?? Number.NaN) - (cpuBefore[i] ?? Number.NaN) }));
  const metrics = callMetrics(options.simulator.sw.log.entries, new Set(load.callIds));
  options.note(`${options.name}: done in ${(load.wallMs / 1000).toFixed(1)} s, ${load.failures.length} failed`);
  return { name: options.name, calls: options.calls, failures: load.failures, metrics, wallMs: load.wallMs, memory, cpu, loadAverage };
}
