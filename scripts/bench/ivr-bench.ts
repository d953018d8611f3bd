/**
 * IVR load benchmark: the Temporal flow engine against the same IVR written directly on ARI.
 *   npx tsx scripts/bench/ivr-bench.ts --calls 200 --concurrency 200
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startAriSimulator, type PlaceCallRequest } from "@/workers/ari-simulator";
import { startDevStack } from "@/workers/dev-stack";
import { createScratchDatabase } from "../run-flow/scratch-database";
import { startTemporalDevServer } from "../run-flow/temporal-dev-server";
import { BENCH_USAGE, parseBenchArgs, type BenchOptions } from "./bench-args";
import { BENCH, renderBenchReport } from "./bench-report";
import { measureLoad, type PathResult } from "./measure-load";
import { spawnDirectIvr } from "./spawn-direct-ivr";

const FLOW_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "ivr-3-level-menu.json");
const DID = "5000";
const DIRECT_APP = "direct-ivr";
// One call per path through the menus, so every prompt is synthesized before measuring.
const WARMUP_CALLS = 6;
const note = (line: string) => process.stderr.write(`ivr-bench: ${line}\n`);

/** Caller i walks department 1-3, then option 1-2, then asks for an agent. */
function callerScript(i: number): string {
  const department = 1 + (i % 3);
  const order = 1 + (Math.floor(i / 3) % 2);
  return `wait prompt; press ${department}; wait prompt; press ${order}; wait prompt; press 1; wait prompt; expect hangup; timeout 90s`;
}

const request =
  (app?: string) =>
  (i: number): PlaceCallRequest => ({ to: DID, from: `1380000${String(i).padStart(4, "0")}`, script: callerScript(i), ...(app ? { app } : {}) });

async function measureTemporal(options: BenchOptions, graph: unknown): Promise<PathResult> {
  const [db, temporal] = await Promise.all([createScratchDatabase(), startTemporalDevServer()]);
  try {
    const stack = await startDevStack({
      databaseUrl: db.url,
      temporal: { address: temporal.address, namespace: temporal.namespace },
      worker: "child-process",
      simulator: { timeScale: options.timeScale },
      verbose: options.verbose,
    });
    try {
      const worker = stack.childWorker;
      const simulator = stack.simulator;
      if (!worker || !simulator) throw new Error("the dev stack did not start a child worker and a simulator");
      await stack.publishFlow(graph, { did: DID });
      return await measureLoad({
        name: "Temporal",
        simulator,
        calls: options.calls,
        concurrency: options.concurrency,
        ratePerSecond: options.rate,
        request: request(),
        warmupCalls: WARMUP_CALLS,
        processes: [
          { label: "worker", pid: worker.pid },
          { label: "Temporal server", pid: temporal.pid },
          { label: BENCH, pid: process.pid },
        ],
        note,
      });
    } finally {
      await stack.stop();
    }
  } finally {
    await temporal.stop();
    await db.drop();
  }
}

async function measureDirect(options: BenchOptions): Promise<PathResult> {
  const simulator = await startAriSimulator({ port: 0, timeScale: options.timeScale, defaultApp: DIRECT_APP });
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), "ivr-bench-tts-"));
  try {
    const ivr = await spawnDirectIvr(
      { ARI_URL: simulator.url, ARI_USERNAME: "asterisk", ARI_PASSWORD: "asterisk", ARI_APP: DIRECT_APP, FLOW_FILE, TTS_CACHE_DIR: cacheDir },
      options.verbose,
    );
    try {
      return await measureLoad({
        name: "direct ARI",
        simulator,
        calls: options.calls,
        concurrency: options.concurrency,
        ratePerSecond: options.rate,
        request: request(DIRECT_APP),
        warmupCalls: WARMUP_CALLS,
        processes: [
          { label: "direct IVR", pid: ivr.pid },
          { label: BENCH, pid: process.pid },
        ],
        note,
      });
    } finally {
      await ivr.stop();
    }
  } finally {
    await simulator.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (!args.ok) {
    process.stderr.write(`${args.message}\n`);
    return args.message === BENCH_USAGE ? 0 : 1;
  }
  const options = args.options;
  const graph: unknown = JSON.parse(await readFile(FLOW_FILE, "utf8"));
  const temporal = await measureTemporal(options, graph);
  const direct = options.skipDirect ? null : await measureDirect(options);
  if (options.json) process.stdout.write(`${JSON.stringify({ options, temporal, direct }, null, 2)}\n`);
  else process.stdout.write(`${renderBenchReport(options, temporal, direct)}\n`);
  return temporal.failures.length > 0 || (direct?.failures.length ?? 0) > 0 ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`ivr-bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
