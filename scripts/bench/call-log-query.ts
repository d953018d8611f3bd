// Seeds a million calls into a scratch database and prints p50/p95 of the call log's queries.
//   npx tsx scripts/bench/call-log-query.ts [--calls 1000000] [--runs 30] [--explain] [--keep]
// Numbers on a loaded build machine are noisy; this prints them, it asserts nothing.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { z } from "zod";
import { createPrismaClient } from "@/prisma/client";
import { callPageSql, callQuerySchema, decodeCursor } from "@/app/_server/calls/call-query";
import { listCalls } from "@/app/_server/calls/list-calls";
import { createScratchDatabase } from "../run-flow/scratch-database";
import { renderTable } from "../run-flow/text-table";

const argsSchema = z.object({ calls: z.coerce.number().int().min(1_000).default(1_000_000), runs: z.coerce.number().int().min(3).default(30), explain: z.boolean().default(false), keep: z.boolean().default(false) });

function parseArgs(argv: string[]) {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i]?.replace(/^--/, "") ?? "";
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      raw[name] = next;
      i += 1;
    } else raw[name] = true;
  }
  return argsSchema.parse(raw);
}

const FLOWS = 20;
const VERSIONS = 3;
// Calls arrive every 2.6 s: a million calls span about 30 days, ending now.
const SPACING_S = 2.6;

async function seed(client: pg.Client, calls: number): Promise<void> {
  await client.query(`
    INSERT INTO "Flow" ("id", "name", "kind", "draftGraph", "updatedAt")
    SELECT 'flow' || f, '流程 ' || f, 'ivr', '{}'::jsonb, now() FROM generate_series(0, ${FLOWS - 1}) f`);
  await client.query(`
    INSERT INTO "FlowVersion" ("id", "flowId", "number", "graph", "plan", "planHash", "publishedAt")
    SELECT 'v' || f || '_' || n, 'flow' || f, n + 1, '{}'::jsonb, '{}'::jsonb, 'x', now() - interval '40 days'
    FROM generate_series(0, ${FLOWS - 1}) f, generate_series(0, ${VERSIONS - 1}) n`);
  // Outcomes: 55% completed, 30% transferred, 10% caller hung up, 4% failed, 1% step limit; the newest 40 still running.
  await client.query(`
    INSERT INTO "CallExecution" ("id", "workflowId", "channelId", "flowId", "flowVersionId", "caller", "dialed", "language", "startedAt", "endedAt", "outcome", "lastNodeId")
    SELECT 'c' || lpad(i::text, 9, '0'), 'call-' || i, 'ch-' || i, 'flow' || (i % ${FLOWS}), 'v' || (i % ${FLOWS}) || '_' || ((i / ${FLOWS}) % ${VERSIONS}),
           '138' || lpad(((i * 7919) % 200000)::text, 8, '0'), '400' || (i % ${FLOWS}), 'zh-CN',
           now() - make_interval(secs => i * ${SPACING_S}),
           CASE WHEN i < 40 THEN NULL ELSE now() - make_interval(secs => i * ${SPACING_S}) + make_interval(secs => 5 + (i * 31) % 600) END,
           CASE WHEN i < 40 THEN NULL WHEN i % 100 < 55 THEN 'completed' WHEN i % 100 < 85 THEN 'transferred' WHEN i % 100 < 95 THEN 'caller-hangup' WHEN i % 100 < 99 THEN 'failed' ELSE 'step-limit' END,
           CASE i % 5 WHEN 0 THEN 'to_agents' WHEN 1 THEN 'to_after_sales' WHEN 2 THEN 'hangup' WHEN 3 THEN 'order_failed' ELSE 'thanks' END
    FROM generate_series(0::bigint, ${calls - 1}) i`);
  // Three steps a call; one call in 25 leaves a voicemail (a "voicemail" step and a recording).
  await client.query(`
    INSERT INTO "CallStep" ("executionId", "seq", "nodeId", "nodeType", "label", "enteredAt", "durationMs", "port", "varsChanged")
    SELECT e."id", s, CASE s WHEN 1 THEN 'start' WHEN 2 THEN (CASE WHEN right(e."id", 2)::int % 25 = 0 THEN 'voicemail' ELSE 'main_menu' END) ELSE e."lastNodeId" END,
           CASE s WHEN 1 THEN 'start' WHEN 2 THEN (CASE WHEN right(e."id", 2)::int % 25 = 0 THEN 'record' ELSE 'menu' END) ELSE 'play' END,
           NULL, e."startedAt" + make_interval(secs => s), 900, 'next', '{}'::jsonb
    FROM "CallExecution" e, generate_series(1, 3) s`);
  await client.query(`
    INSERT INTO "CallRecording" ("id", "executionId", "nodeId", "name", "format", "durationSeconds")
    SELECT 'r' || e."id", e."id", 'voicemail', e."id" || '-2-1', 'wav', 12 FROM "CallExecution" e WHERE right(e."id", 2)::int % 25 = 0`);
  await client.query("ANALYZE");
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Local "YYYY-MM-DD" in Shanghai, n days ago (the page's time filters are wall-clock times there). */
function shanghaiDay(daysAgo: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  process.env.CC_TIME_ZONE ??= "Asia/Shanghai";
  const scratch = await createScratchDatabase();
  const client = new pg.Client({ connectionString: scratch.url });
  await client.connect();
  const db = createPrismaClient(scratch.url);
  try {
    const seedStart = performance.now();
    await seed(client, args.calls);
    const counts = await client.query('SELECT (SELECT count(*) FROM "CallExecution")::int AS calls, (SELECT count(*) FROM "CallStep")::int AS steps, (SELECT count(*) FROM "CallRecording")::int AS recordings');
    console.log(`seeded ${JSON.stringify(counts.rows[0])} in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const middle = await client.query(`SELECT "startedAt", "id" FROM "CallExecution" ORDER BY "startedAt" DESC, "id" DESC OFFSET ${Math.floor(args.calls / 2)} LIMIT 1`);
    const row = z.object({ startedAt: z.date(), id: z.string() }).parse(middle.rows[0]);
    const deepCursor = `${row.startedAt.getTime()}.${row.id}`;
    const cases: [string, Record<string, string>][] = [
      ["newest page, no filter", {}],
      ["a page half way down (cursor)", { after: deepCursor }],
      ["one flow", { flowId: "flow7" }],
      ["one flow and version", { flowId: "flow7", versionId: "v7_1" }],
      ["caller (exact)", { caller: "13800012345" }],
      ["dialed number", { dialed: "4003" }],
      ["outcome failed", { outcome: "failed" }],
      ["outcome running", { outcome: "running" }],
      ["one day", { from: shanghaiDay(3), to: shanghaiDay(3) }],
      ["duration >= 590 s", { minDuration: "590" }],
      ["node reached: voicemail", { nodeId: "voicemail" }],
      ["has voicemail", { voicemail: "yes" }],
      ["flow + transferred + last 7 days", { flowId: "flow3", outcome: "transferred", from: shanghaiDay(7) }],
      ["caller + flow, rare (no match)", { caller: "13899999999", flowId: "flow1" }],
      // Worst cases: a filter no index narrows and nothing matches, so the whole range is read.
      ["duration >= 1 h (no match)", { minDuration: "3600" }],
      ["node reached: unknown node (no match)", { nodeId: "no_such_node" }],
      ["node reached + last day (no match)", { nodeId: "no_such_node", from: shanghaiDay(1) }],
    ];
    const rows: string[][] = [];
    for (const [label, raw] of cases) {
      const query = callQuerySchema.parse(raw);
      const times: number[] = [];
      let shown = 0;
      for (let run = 0; run < args.runs; run += 1) {
        const start = performance.now();
        shown = (await listCalls(query, db)).calls.length;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      rows.push([label, String(shown), percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), (times.at(-1) ?? Number.NaN).toFixed(1)]);
      if (args.explain) {
        const { after, limit, ...filters } = query;
        const sql = callPageSql(filters, process.env.CC_TIME_ZONE, after === undefined ? null : decodeCursor(after), limit);
        const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
        console.log(`\n-- ${label}\n${plan.rows.map((line) => String(Object.values(line)[0])).join("\n")}`);
      }
    }
    console.log(`\n${args.calls.toLocaleString("en")} calls, ${args.runs} runs per query (listCalls through Prisma, page of 50):\n`);
    console.log(renderTable([{ header: "query" }, { header: "rows", align: "right" }, { header: "p50 ms", align: "right" }, { header: "p95 ms", align: "right" }, { header: "max ms", align: "right" }], rows));
  } finally {
    await db.$disconnect();
    await client.end();
    if (args.keep) console.log(`kept ${scratch.url}`);
    else await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
