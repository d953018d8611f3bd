import os from "node:os";
import { renderTable } from "../run-flow/text-table";
import type { BenchOptions } from "./bench-args";
import type { LatencyStats } from "./call-metrics";
import type { PathResult } from "./measure-load";

export const BENCH = "bench (simulator, bridge, callers)";
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "-");
const num = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : "-");
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : "-");

function cpuMsPerCall(result: PathResult | null, label: string): number {
  const seconds = result?.cpu.find((c) => c.label === label)?.seconds ?? Number.NaN;
  return result ? (seconds * 1000) / result.calls : Number.NaN;
}

function memoryOf(result: PathResult | null, label: string): number {
  return result?.memory.find((m) => m.label === label)?.maxRssMiB ?? Number.NaN;
}

/** Side-by-side table of the Temporal path and the direct ARI path, plus the targets. */
export function renderBenchReport(options: BenchOptions, temporal: PathResult, direct: PathResult | null): string {
  const rows: string[][] = [];
  const both = (label: string, t: number, d: number | null, format: (v: number) => string, withRatio = true) =>
    rows.push([label, format(t), d === null ? "-" : format(d), d === null || !withRatio ? "" : ratio(t, d)]);
  const latency = (label: string, t: LatencyStats, d: LatencyStats | null) => {
    both(`${label} p50 (ms)`, t.p50, d?.p50 ?? null, ms);
    both(`${label} p95 (ms)`, t.p95, d?.p95 ?? null, ms);
    both(`${label} p99 (ms)`, t.p99, d?.p99 ?? null, ms);
    both(`${label} max (ms)`, t.max, d?.max ?? null, ms);
  };
  rows.push([
    "calls completed",
    `${temporal.calls - temporal.failures.length}/${temporal.calls}`,
    direct ? `${direct.calls - direct.failures.length}/${direct.calls}` : "-",
    "",
  ]);
  both("new calls/s (arrival to first prompt)", temporal.metrics.newCallsPerSecond, direct?.metrics.newCallsPerSecond ?? null, (v) => num(v));
  latency("call setup", temporal.metrics.setup, direct?.metrics.setup ?? null);
  both("DTMF samples", temporal.metrics.dtmfToPrompt.count, direct?.metrics.dtmfToPrompt.count ?? null, (v) => String(v), false);
  latency("DTMF -> next prompt", temporal.metrics.dtmfToPrompt, direct?.metrics.dtmfToPrompt ?? null);
  both("IVR process RSS peak (MiB)", memoryOf(temporal, "worker"), direct ? memoryOf(direct, "direct IVR") : null, (v) => num(v));
  both("Temporal server RSS peak (MiB)", memoryOf(temporal, "Temporal server"), null, (v) => num(v));
  both("bench process RSS peak (MiB)", memoryOf(temporal, BENCH), direct ? memoryOf(direct, BENCH) : null, (v) => num(v), false);
  both("IVR process CPU per call (ms)", cpuMsPerCall(temporal, "worker"), direct ? cpuMsPerCall(direct, "direct IVR") : null, (v) => num(v));
  both("Temporal server CPU per call (ms)", cpuMsPerCall(temporal, "Temporal server"), null, (v) => num(v));
  both("bench process CPU per call (ms)", cpuMsPerCall(temporal, BENCH), direct ? cpuMsPerCall(direct, BENCH) : null, (v) => num(v), false);
  both("machine load average at start (1 min)", temporal.loadAverage, direct?.loadAverage ?? null, (v) => num(v, 2), false);
  both("load wall time (s)", temporal.wallMs / 1000, direct ? direct.wallMs / 1000 : null, (v) => num(v));

  const t = temporal.metrics;
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const lines = [
    `IVR benchmark: ${options.calls} calls, ${options.concurrency} concurrent, ${options.rate > 0 ? `arriving at ${options.rate}/s` : "all placed at once"}, ` +
      `simulator time scale ${options.timeScale}, flow scripts/bench/ivr-3-level-menu.json`,
    "",
    renderTable(
      [{ header: "metric" }, { header: "Temporal", align: "right" }, { header: "direct ARI", align: "right" }, { header: "Temporal/direct", align: "right" }],
      rows,
    ),
    "",
    `Targets (Temporal path): >= 100 new calls/s: ${
      options.rate > 0 && options.rate < 100 ? `not measured (calls offered at ${options.rate}/s)` : `${verdict(t.newCallsPerSecond >= 100)} (${num(t.newCallsPerSecond)})`
    }; ` +
      `DTMF -> next prompt p99 <= 100 ms: ${verdict(t.dtmfToPrompt.p99 <= 100)} (${ms(t.dtmfToPrompt.p99)} ms)`,
    "IVR process = the Temporal worker (child process) or the direct ARI IVR (child process). Latencies are simulator log",
    "timestamps: DTMF event handed to the WebSocket -> next play request received. All processes share this machine's",
    `${os.cpus().length} CPUs (Temporal server, worker, PostgreSQL, the bench process with simulator and bridge, and anything else running).`,
  ];
  for (const r of [temporal, direct]) {
    if (r && r.failures.length > 0) lines.push(`${r.name}: ${r.failures.length} call(s) failed, e.g. ${r.failures.slice(0, 3).map((f) => `${f.callId}: ${f.reason}`).join("; ")}`);
  }
  return lines.join("\n");
}
