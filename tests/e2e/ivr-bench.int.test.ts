import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "@/scripts/bench/bench-args";
import { renderBenchReport } from "@/scripts/bench/bench-report";
import { callMetrics, latencyStats } from "@/scripts/bench/call-metrics";
import type { PathResult } from "@/scripts/bench/measure-load";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/ivr-bench.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`ivr-bench did not finish\n${stderr}`));
    }, 110_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function checkPath(result: PathResult, calls: number, processes: string[]): void {
  expect(result.failures).toEqual([]);
  expect(result.metrics.answered).toBe(calls);
  // three menu choices per caller, each followed by the next prompt
  expect(result.metrics.dtmfToPrompt.count).toBe(3 * calls);
  expect(result.metrics.dtmfWithoutPrompt).toBe(0);
  for (const stats of [result.metrics.setup, result.metrics.dtmfToPrompt]) {
    expect(stats.p50).toBeGreaterThan(0);
    expect(stats.p50).toBeLessThanOrEqual(stats.p95);
    expect(stats.p95).toBeLessThanOrEqual(stats.p99);
    expect(stats.p99).toBeLessThanOrEqual(stats.max);
  }
  expect(result.metrics.newCallsPerSecond).toBeGreaterThan(0);
  expect(result.memory.map((m) => m.label)).toEqual(processes);
  for (const m of result.memory) expect(m.maxRssMiB, m.label).toBeGreaterThan(20);
  for (const c of result.cpu) expect(c.seconds, c.label).toBeGreaterThanOrEqual(0);
}

describe("scripts/bench/ivr-bench.ts", () => {
  it("measures both paths from the simulator's call log and process stats", { timeout: 120_000 }, async () => {
    const out = await run(["--calls", "6", "--concurrency", "3", "--json"]);
    expect(out.code, out.stderr).toBe(0);
    const report: { temporal: PathResult; direct: PathResult } = JSON.parse(out.stdout);
    checkPath(report.temporal, 6, ["worker", "Temporal server", "bench (simulator, bridge, callers)"]);
    checkPath(report.direct, 6, ["direct IVR", "bench (simulator, bridge, callers)"]);

    const options = parseBenchArgs(["--calls", "6", "--concurrency", "3"]);
    if (!options.ok) throw new Error(options.message);
    const table = renderBenchReport(options.options, report.temporal, report.direct);
    expect(table).toMatch(/^calls completed +6\/6 +6\/6$/m);
    expect(table).toMatch(/^DTMF -> next prompt p99 \(ms\) +\d+\.\d +\d+\.\d +\d+\.\d\dx$/m);
    expect(table).toMatch(/^Temporal server RSS peak \(MiB\) +\d+\.\d +-$/m);
    expect(table).toMatch(/^Targets \(Temporal path\): >= 100 new calls\/s: (met|NOT met)/m);
  });

  it("computes latencies from log timestamps: DTMF to the next play request of the same call", () => {
    const log = [
      { t: 1_000, kind: "inbound", channelId: "a" },
      { t: 1_040, kind: "playRequest", channelId: "a" },
      { t: 1_010, kind: "inbound", channelId: "b" },
      { t: 1_100, kind: "playRequest", channelId: "b" },
      { t: 1_200, kind: "dtmf", channelId: "a", delivered: true },
      { t: 1_230, kind: "playRequest", channelId: "b" },
      { t: 1_250, kind: "playRequest", channelId: "a" },
      { t: 1_300, kind: "dtmf", channelId: "b", delivered: false },
      { t: 1_400, kind: "dtmf", channelId: "b", delivered: true },
      { t: 1_500, kind: "dtmf", channelId: "c", delivered: true },
      { t: 1_600, kind: "playRequest", channelId: "c" },
    ];
    const metrics = callMetrics(log, new Set(["a", "b"]));
    expect(metrics.answered).toBe(2);
    expect(metrics.setup.p50).toBe(40);
    expect(metrics.setup.max).toBe(90);
    expect(metrics.setupSpanMs).toBe(100);
    expect(metrics.newCallsPerSecond).toBe(20);
    expect(metrics.dtmfToPrompt).toMatchObject({ count: 1, p50: 50 });
    expect(metrics.dtmfWithoutPrompt).toBe(1);
    expect(latencyStats([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({ count: 10, p50: 5, p95: 10, p99: 10, max: 10 });
  });
});
