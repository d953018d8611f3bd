import { parseArgs } from "node:util";
import { z } from "zod";

export const BENCH_USAGE = `Usage: npx tsx scripts/bench/ivr-bench.ts [--calls 200] [--concurrency N] [--time-scale 0.1] [--rate 0]
                                        [--skip-direct] [--json] [--verbose]

Runs N scripted calls through a three-level menu IVR on the ARI simulator, first through the
Temporal flow engine (worker in a child process), then through the same IVR written directly
against ARI, and prints throughput, DTMF-to-next-prompt latency and memory side by side.
  --calls N         calls to place (default 200)
  --concurrency N   calls in progress at most (default: --calls, all at once)
  --rate R          new calls per second at most (default 0: as fast as the concurrency allows)
  --time-scale S    simulator speed; 0.1 plays prompts ten times faster (default 0.1)
  --skip-direct     measure the Temporal path only
  --json            machine-readable output`;

const benchSchema = z
  .object({
    calls: z.coerce.number().int().min(1).max(5_000).default(200),
    /** Defaults to calls: every call in progress at once. */
    concurrency: z.coerce.number().int().min(1).max(5_000).optional(),
    timeScale: z.coerce.number().positive().max(1).default(0.1),
    /** Arrival rate in new calls per second; 0 = all at once (up to the concurrency). */
    rate: z.coerce.number().min(0).max(10_000).default(0),
    skipDirect: z.boolean().default(false),
    json: z.boolean().default(false),
    verbose: z.boolean().default(false),
  })
  .transform((o) => ({ ...o, concurrency: o.concurrency ?? o.calls }));
export type BenchOptions = z.infer<typeof benchSchema>;

export function parseBenchArgs(argv: string[]): { ok: true; options: BenchOptions } | { ok: false; message: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        calls: { type: "string" },
        concurrency: { type: "string" },
        "time-scale": { type: "string" },
        rate: { type: "string" },
        "skip-direct": { type: "boolean" },
        json: { type: "boolean" },
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) return { ok: false, message: BENCH_USAGE };
    const parsed = benchSchema.safeParse({
      calls: values.calls,
      concurrency: values.concurrency,
      timeScale: values["time-scale"],
      rate: values.rate,
      skipDirect: values["skip-direct"],
      json: values.json,
      verbose: values.verbose,
    });
    if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n") };
    return { ok: true, options: parsed.data };
  } catch (err) {
    return { ok: false, message: `${err instanceof Error ? err.message : String(err)}\n\n${BENCH_USAGE}` };
  }
}
