/**
 * Worker start time: spawn of `node --import tsx workers/worker.ts` → it polls its task queue.
 *   npx tsx scripts/bench/worker-start.ts [--runs 5]
 * Uses the prebuilt workflow bundle (scripts/build-workflow-bundle.ts; built here when stale).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startDevStack } from "@/workers/dev-stack";
import { buildWorkflowBundle } from "@/workers/workflow-bundle/build-workflow-bundle";
import { prebuiltWorkflowBundle } from "@/workers/workflow-bundle/prebuilt-workflow-bundle";
import { createScratchDatabase } from "../run-flow/scratch-database";
import { startTemporalDevServer } from "../run-flow/temporal-dev-server";
import { readCpuSeconds } from "./proc-cpu";

const argsSchema = z.object({ runs: z.coerce.number().int().min(1).max(50).default(5) });

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { runs: { type: "string" } } });
  const { runs } = argsSchema.parse(values);
  if (!(await prebuiltWorkflowBundle()).ok) await buildWorkflowBundle();
  const [db, temporal] = await Promise.all([createScratchDatabase(), startTemporalDevServer()]);
  const stack = await startDevStack({
    databaseUrl: db.url,
    temporal: { address: temporal.address, namespace: temporal.namespace },
    worker: "none",
    bridge: false,
  });
  const times: number[] = [];
  const cpu: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const worker = await stack.startChildWorker();
      times.push(performance.now() - started);
      // CPU the worker used to get there: close to its start time on an idle machine, whatever the load now.
      cpu.push((readCpuSeconds(worker.pid) ?? Number.NaN) * 1000);
      await worker.kill("SIGTERM");
    }
  } finally {
    await stack.stop();
    await Promise.allSettled([temporal.stop(), db.drop()]);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`worker start (spawn → polling its task queue), ${runs} runs: ${times.map((t) => `${Math.round(t)} ms`).join(", ")}`);
  console.log(`median ${Math.round(median)} ms, min ${Math.round(sorted[0] ?? 0)} ms, max ${Math.round(sorted.at(-1) ?? 0)} ms`);
  console.log(`CPU time (user + system) of the worker until then: ${cpu.map((ms) => `${Math.round(ms)} ms`).join(", ")}; load average now ${os.loadavg()[0]?.toFixed(1)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
