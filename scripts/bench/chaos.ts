/**
 * Faults under load: for each fault, calls arrive at a steady rate and the fault hits while they
 * are in progress; then every call is checked against what its flow says.
 *   npx tsx scripts/bench/chaos.ts [--calls 10] [--rate 2] [--time-scale 0.5] [--faults bridge-kill,socket-drop,…]
 * Faults: bridge-kill, socket-drop, worker-kill, worker-kill-two, temporal-restart, database-stop.
 * Needs PostgreSQL with the migrated test template (run `npm test` once). Numbers on a shared
 * machine are noisy: read them as "does it survive", not as a benchmark.
 *
 * refused: Stasis() still failed after the dialplan's 20 s of retries (no bridge connected). lost: ended, but
 * not along the flow's path (typically a key pressed while the bridge was away: ARI drops DTMF
 * events too, so the menu timed out). Longest silence counts from a prompt's end (or the call's
 * arrival) to the next prompt or the flow's hangup, so it includes a menu waiting for a key.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { WorkflowNotFoundError } from "@temporalio/common";
import { z } from "zod";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { callWorkflowId } from "@/workers/workflows/signals";
import { welcomeMenuFlow, WELCOME_MENU_SCRIPT, WELCOME_MENU_STEPS } from "../../tests/support/lost-events";
import { proxiedUrl, startTcpProxy } from "../../tests/support/tcp-proxy";
import { createScratchDatabase } from "../run-flow/scratch-database";
import { FAULTS, type ChaosTargets, type Fault } from "./chaos-faults";
import { longestSilenceMs, renderChaosReport, type FaultResult } from "./chaos-report";
import { startTemporalDevServer } from "../run-flow/temporal-dev-server";

const WELCOME = "Thank you for calling Example Telecom. Please listen carefully, because our menu options have changed recently.";
const DID = "4900";
const note = (line: string) => process.stderr.write(`chaos: ${line}\n`);

const argsSchema = z.object({
  calls: z.coerce.number().int().min(1).max(500).default(10),
  rate: z.coerce.number().positive().max(100).default(2),
  timeScale: z.coerce.number().positive().max(1).default(0.5),
  faults: z
    .string()
    .default(FAULTS.map((f) => f.name).join(","))
    .transform((list, ctx) => {
      const names = list.split(",").map((n) => n.trim()).filter(Boolean);
      const chosen: Fault[] = [];
      for (const name of names) {
        const fault = FAULTS.find((f) => f.name === name);
        if (!fault) ctx.addIssue({ code: "custom", message: `unknown fault "${name}" (known: ${FAULTS.map((f) => f.name).join(", ")})` });
        else chosen.push(fault);
      }
      return chosen;
    }),
  callTimeoutMs: z.coerce.number().int().min(10_000).default(120_000),
});

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { calls: { type: "string" }, rate: { type: "string" }, "time-scale": { type: "string" }, faults: { type: "string" }, "call-timeout-ms": { type: "string" } },
  });
  return argsSchema.safeParse({ calls: values.calls, rate: values.rate, timeScale: values["time-scale"], faults: values.faults, callTimeoutMs: values["call-timeout-ms"] });
}

async function judge(stack: DevStack, callId: string, timeoutMs: number): Promise<"correct" | "lost" | "stuck"> {
  const sim = stack.simulator;
  if (!sim) throw new Error("needs the simulator");
  try {
    const status = await sim.control.waitForCall(callId, timeoutMs);
    let outcome: string | null = null;
    try {
      outcome = (await stack.temporal.client.workflow.getHandle(callWorkflowId(callId)).result()).outcome;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) outcome = `failed: ${String(err)}`;
    }
    const steps = (await stack.getExecution(callId))?.steps.map((s) => [s.nodeId, s.port, s.input]);
    const asFlowSays = outcome === "completed" && status.hungUpBy === "app" && JSON.stringify(steps) === JSON.stringify(WELCOME_MENU_STEPS);
    if (!asFlowSays) note(`  ${callId}: outcome ${outcome}, hung up by ${status.hungUpBy}, steps ${JSON.stringify(steps)}, digits delivered ${JSON.stringify(status.log.filter((e) => e.kind === "dtmf").map((e) => e.delivered))}`);
    return asFlowSays ? "correct" : "lost";
  } catch {
    await sim.control.hangup(callId).catch(() => undefined);
    return "stuck";
  }
}

async function runFault(fault: Fault, targets: ChaosTargets, options: z.infer<typeof argsSchema>): Promise<FaultResult> {
  const { stack } = targets;
  const sim = stack.simulator;
  if (!sim) throw new Error("needs the simulator");
  const placed: { callId: string; rejected: boolean }[] = [];
  const gapMs = 1000 / options.rate;
  const placing = (async () => {
    for (let i = 0; i < options.calls; i += 1) {
      placed.push(await sim.control.placeCall({ to: DID, from: `139${String(i).padStart(8, "0")}`, script: WELCOME_MENU_SCRIPT }));
      await new Promise((r) => setTimeout(r, gapMs));
    }
  })();
  // The fault hits once half the calls are in progress.
  await new Promise((r) => setTimeout(r, (options.calls / 2) * gapMs));
  note(`${fault.name}: ${fault.description}`);
  const injected = await fault.inject(targets);
  await placing;
  const judged = await Promise.all(placed.filter((p) => !p.rejected).map(async (p) => ({ callId: p.callId, verdict: await judge(stack, p.callId, options.callTimeoutMs) })));
  const logs = await Promise.all(placed.map((p) => sim.control.log({ channelId: p.callId })));
  // The dialplan gave up on Stasis() and played its sorry prompt: refused, not lost by the engine.
  const sorry = new Set(logs.flat().filter((e) => e.kind === "dialplanPlayback").map((e) => e.channelId));
  const verdicts = judged.filter((j) => !sorry.has(j.callId)).map((j) => j.verdict);
  return {
    fault: fault.name,
    description: fault.description,
    injected,
    placed: placed.length,
    refused: placed.filter((p) => p.rejected || sorry.has(p.callId)).length,
    correct: verdicts.filter((v) => v === "correct").length,
    lost: verdicts.filter((v) => v === "lost").length,
    stuck: verdicts.filter((v) => v === "stuck").length,
    longestSilenceMs: Math.max(0, ...logs.map(longestSilenceMs)),
  };
}

async function main(): Promise<void> {
  const parsed = parse(process.argv.slice(2));
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
    process.exit(2);
  }
  const options = parsed.data;
  const dir = await mkdtemp(path.join(os.tmpdir(), "cc-flows-chaos-"));
  const db = await createScratchDatabase();
  const temporal = await startTemporalDevServer({ dbFile: path.join(dir, "temporal.db") });
  const dbTarget = new URL(db.url);
  const databaseProxy = await startTcpProxy({ host: dbTarget.hostname, port: Number(dbTarget.port || 5432) });
  let stack: DevStack | null = null;
  let proxyClose: (() => Promise<void>) | null = null;
  try {
    stack = await startDevStack({
      databaseUrl: db.url,
      // The script reads and publishes directly; the bridge and the worker go through the proxy.
      serviceDatabaseUrl: proxiedUrl(db.url, databaseProxy),
      temporal: { address: temporal.address },
      worker: "child-process",
      bridge: false,
      // The README's inbound dialplan: Stasis() tried again every second for 20 s (real time: the
      // simulator scales its Wait()s) while no bridge is connected.
      simulator: { timeScale: options.timeScale, stasisRetry: { attempts: Math.round(20 / options.timeScale), waitMs: 1_000, sorrySound: "ss-noservice" } },
    });
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");
    const proxy = await startTcpProxy({ host: "127.0.0.1", port: sim.port });
    proxyClose = () => proxy.close();
    const bridgeAriUrl = `http://${proxy.host}:${proxy.port}`;
    await stack.startChildBridge({ ariUrl: bridgeAriUrl });
    await stack.publishFlow(welcomeMenuFlow(WELCOME), { did: DID });
    const targets: ChaosTargets = { stack, proxy, bridgeAriUrl, temporal, databaseProxy };

    const results: FaultResult[] = [];
    for (const fault of options.faults) results.push(await runFault(fault, targets, options));
    console.log(`${options.calls} calls per fault at ${options.rate}/s, simulator time scale ${options.timeScale} (shared machine: noisy)`);
    console.log(renderChaosReport(results));
  } finally {
    await stack?.stop();
    await proxyClose?.();
    await databaseProxy.close();
    await temporal.stop();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error("chaos:", err);
  process.exit(1);
});
