/**
 * Worker memory under a steady load: keeps about N calls of the three-level menu IVR in progress for
 * M minutes (each caller asks for the last menu again and again before choosing) and prints the
 * worker's and the Temporal server's RSS every 30 s.
 *   npx tsx scripts/bench/rss-soak.ts --calls-in-progress 200 --minutes 10
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { SimulatorControl } from "@/workers/ari-simulator";
import { MENU_IVR_DID, runBench, withMenuIvrStack } from "./menu-ivr-stack";
import { readProcessMemory } from "./proc-memory";

const REPORT_EVERY_MS = 30_000;
const note = (line: string) => process.stderr.write(`rss-soak: ${line}\n`);

const optionsSchema = z.object({
  callsInProgress: z.coerce.number().int().min(1).max(1_000).default(200),
  minutes: z.coerce.number().positive().max(120).default(10),
  /** Times each caller has the last menu repeated (press 2) before asking for an agent: the call's length. */
  repeats: z.coerce.number().int().min(0).max(50).default(8),
  /** Seconds over which the callers arrive at the start (all at once would measure the burst instead). */
  rampSeconds: z.coerce.number().min(0).max(600).default(60),
});

function callerScript(i: number, repeats: number): string {
  const department = 1 + (i % 3);
  const listen = "wait prompt; wait prompt end; wait 4s";
  const again = Array.from({ length: repeats }, () => `${listen}; press 2`).join("; ");
  return [`${listen}; press ${department}`, `${listen}; press 1`, again, `${listen}; press 1`, "wait prompt; expect hangup; timeout 900s"].filter((s) => s !== "").join("; ");
}

interface Tally {
  placed: number;
  completed: number;
  failed: number;
  inProgress: number;
  firstFailure: string | null;
}

type CallStatus = Awaited<ReturnType<SimulatorControl["waitForCall"]>>;

/** Waits in slices: one long-poll past about 5 min is cut by fetch's own timeout ("fetch failed"). */
async function waitForCallLong(control: SimulatorControl, callId: string, timeoutMs: number): Promise<CallStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await control.waitForCall(callId, 60_000);
    } catch (err) {
      if (Date.now() > deadline || !(err instanceof Error && err.message.includes("still running"))) throw err;
    }
  }
}

async function lane(control: SimulatorControl, index: number, deadline: number, repeats: number, tally: Tally): Promise<void> {
  for (let n = 0; Date.now() < deadline; n += 1) {
    const i = index + n * 1_000;
    const placed = await control.placeCall({ to: MENU_IVR_DID, from: `1390${String(i).padStart(7, "0")}`, script: callerScript(i, repeats) });
    tally.placed += 1;
    tally.inProgress += 1;
    try {
      const status = await waitForCallLong(control, placed.callId, 900_000);
      if (status.script?.status === "completed") tally.completed += 1;
      else {
        tally.failed += 1;
        tally.firstFailure ??= `script ${status.script?.status ?? "missing"}${status.script?.error ? `: ${status.script.error}` : ""}`;
      }
    } catch (err) {
      tally.failed += 1;
      tally.firstFailure ??= err instanceof Error ? err.message : String(err);
      await control.hangup(placed.callId).catch(() => undefined);
    } finally {
      tally.inProgress -= 1;
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { "calls-in-progress": { type: "string" }, minutes: { type: "string" }, repeats: { type: "string" }, "ramp-seconds": { type: "string" } },
  });
  const options = optionsSchema.parse({ callsInProgress: values["calls-in-progress"], minutes: values.minutes, repeats: values.repeats, rampSeconds: values["ramp-seconds"] });
  await withMenuIvrStack(1, async ({ worker, simulator, server }) => {
    const loadAverage = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    note(`${options.callsInProgress} calls in progress for ${options.minutes} min (${options.repeats} repeats per call), load average ${loadAverage}`);
    const started = Date.now();
    const deadline = started + options.minutes * 60_000;
    const tally: Tally = { placed: 0, completed: 0, failed: 0, inProgress: 0, firstFailure: null };
    const rows: string[] = ["| minute | calls in progress | placed | completed | failed | worker RSS MiB | Temporal server RSS MiB |", "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"];
    const report = () => {
      const w = readProcessMemory(worker.pid);
      const t = readProcessMemory(server.pid);
      const row = `| ${((Date.now() - started) / 60_000).toFixed(1)} | ${tally.inProgress} | ${tally.placed} | ${tally.completed} | ${tally.failed} | ${w?.rssMiB.toFixed(0) ?? "gone"} | ${t?.rssMiB.toFixed(0) ?? "gone"} |`;
      rows.push(row);
      note(row);
    };
    const timer = setInterval(report, REPORT_EVERY_MS);
    const lanes = Array.from({ length: options.callsInProgress }, async (_, index) => {
      await new Promise((r) => setTimeout(r, (index * options.rampSeconds * 1000) / options.callsInProgress));
      await lane(simulator.control, index, deadline, options.repeats, tally);
    });
    await Promise.all(lanes);
    clearInterval(timer);
    report();
    process.stdout.write(`${[`load average at start ${loadAverage}; ${options.callsInProgress} callers, ${options.repeats} repeats per call`, ...rows, tally.firstFailure ? `first failure: ${tally.firstFailure}` : ""].join("\n")}\n`);
  });
}

runBench("rss-soak", main);
