/**
 * Worker start time: spawn of the worker process → it polls its task queue, started both ways, one
 * after the other: `node .build/worker.mjs` (prebuilt) and `node --import tsx workers/worker.ts`.
 *   npx tsx scripts/bench/worker-start.ts [--runs 5] [--entry both|prebuilt|tsx]
 * Builds the prebuilt workflow bundle and worker entry first when they are stale.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { buildProcessEntry } from "@/workers/workflow-bundle/build-process-entry";
import { buildWorkflowBundle } from "@/workers/workflow-bundle/build-workflow-bundle";
import { processEntryPath, ROOT } from "@/workers/workflow-bundle/bundle-manifest";
import { prebuiltProcessEntry } from "@/workers/workflow-bundle/prebuilt-process-entry";
import { prebuiltWorkflowBundle } from "@/workers/workflow-bundle/prebuilt-workflow-bundle";
import { createScratchDatabase } from "../run-flow/scratch-database";
import { startTemporalDevServer } from "../run-flow/temporal-dev-server";
import { readCpuSeconds } from "./proc-cpu";

const argsSchema = z.object({
  runs: z.coerce.number().int().min(1).max(50).default(5),
  entry: z.enum(["both", "prebuilt", "tsx"]).default("both"),
});
type Entry = "prebuilt" | "tsx";

/** Starts one worker; resolves with its wall time and CPU time until it polls, then stops it. */
async function startOnce(entry: Entry, env: Record<string, string>): Promise<{ wallMs: number; cpuMs: number }> {
  const args = entry === "prebuilt" ? [processEntryPath("worker")] : ["--import", "tsx", path.join(ROOT, "workers", "worker.ts")];
  const started = performance.now();
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not poll within 60 s:\n${output}`)), 60_000);
    proc.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("[worker] polling")) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited with code ${code}:\n${output}`));
    });
  });
  const wallMs = performance.now() - started;
  // CPU the worker used to get there: close to its start time on an idle machine, whatever the load now.
  const cpuMs = (proc.pid === undefined ? Number.NaN : (readCpuSeconds(proc.pid) ?? Number.NaN)) * 1000;
  proc.kill("SIGTERM");
  await exited;
  return { wallMs, cpuMs };
}

function summary(label: string, results: { wallMs: number; cpuMs: number }[]): string {
  const range = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))} ms`;
  return `${label}: CPU to ready ${range(results.map((r) => r.cpuMs))} (${results.map((r) => Math.round(r.cpuMs)).join(", ")}); wall ${range(results.map((r) => r.wallMs))}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { runs: { type: "string" }, entry: { type: "string" } } });
  const { runs, entry } = argsSchema.parse(values);
  if (!(await prebuiltWorkflowBundle()).ok) await buildWorkflowBundle();
  if (!(await prebuiltProcessEntry("worker")).ok) await buildProcessEntry("worker");
  const [db, temporal] = await Promise.all([createScratchDatabase(), startTemporalDevServer()]);
  const ttsDir = await mkdtemp(path.join(os.tmpdir(), "cc-flows-tts-"));
  let stack: DevStack | null = null;
  const entries: Entry[] = entry === "both" ? ["prebuilt", "tsx"] : [entry];
  const results = new Map<Entry, { wallMs: number; cpuMs: number }[]>(entries.map((e) => [e, []]));
  try {
    stack = await startDevStack({ databaseUrl: db.url, temporal: { address: temporal.address, namespace: temporal.namespace }, worker: "none", bridge: false });
    const env = {
      TEMPORAL_ADDRESS: stack.temporal.address,
      TEMPORAL_NAMESPACE: stack.temporal.namespace,
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      ARI_URL: stack.ari.url,
      ARI_SIMULATOR: "1",
      ARI_USERNAME: stack.ari.username,
      ARI_PASSWORD: stack.ari.password,
      ARI_APP: stack.ari.app,
      DATABASE_URL: stack.databaseUrl,
      TTS_CACHE_DIR: ttsDir,
      TTS_MEDIA_PORT: "0",
    };
    // Alternating, so both ways see the same load.
    for (let run = 0; run < runs; run += 1) {
      for (const e of entries) results.get(e)?.push(await startOnce(e, env));
    }
  } finally {
    await stack?.stop();
    await Promise.allSettled([temporal.stop(), db.drop(), rm(ttsDir, { recursive: true, force: true })]);
  }
  console.log(`worker start (spawn → polling its task queue), ${runs} runs each; load average now ${os.loadavg()[0]?.toFixed(1)}`);
  for (const [e, r] of results) console.log(summary(e === "prebuilt" ? "node .build/worker.mjs" : "node --import tsx workers/worker.ts", r));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
