// Matching latency of the durable matcher with 500 waiting calls and 100 agents, on a scratch database.
//   npx tsx scripts/bench/queue-match.ts [--runs 200] [--burst 20]
// It prints numbers and asserts nothing; on a shared, loaded machine they are noisy (the load average is printed).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import { createPrismaClient } from "@/prisma/client";
import { enqueueCall } from "@/workers/queues/enqueue-call";
import type { MatchPhases } from "@/workers/queues/match-phases";
import { createQueueActivities } from "@/workers/queues/queue-activities";
import { runQueueEvent } from "@/workers/queues/run-queue-event";
import { seedAgents, seedQueue } from "@/workers/queues/test-support/seed-queue-data";
import { latencyStats, type LatencyStats } from "./call-metrics";
import { createScratchDatabase } from "../run-flow/scratch-database";
import { renderTable } from "../run-flow/text-table";

const argsSchema = z.object({ runs: z.coerce.number().int().min(10).default(200), burst: z.coerce.number().int().min(2).max(100).default(20) });
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const args = argsSchema.parse({ runs: flag("runs"), burst: flag("burst") });

const WAITING = 500;
const AGENTS = 100;

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  samples.push(performance.now() - start);
  return result;
}

const loadAverage = () => `${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores`;

/** Collects each transaction's phases, per measured row, for the profile table. */
function phaseLog() {
  const rows: MatchPhases[] = [];
  return { rows, onPhases: (phases: MatchPhases) => rows.push({ ...phases }) };
}

async function main(): Promise<void> {
  const startLoad = loadAverage();
  const scratch = await createScratchDatabase();
  const db = createPrismaClient(scratch.url);
  try {
    const common = await db.skill.create({ data: { name: "common", displayNameZh: "常规", displayNameEn: "Common" } });
    const rare = await db.skill.create({ data: { name: "rare", displayNameZh: "稀有", displayNameEn: "Rare" } });
    await seedQueue(db, "bench", { maxWaiting: 10_000 });
    const agents = await seedAgents(db, AGENTS - 1, { skills: { [common.id]: 3 } });
    // One agent with no skills stays available throughout: none of the waiting calls is theirs.
    const [idle] = await seedAgents(db, 1, { prefix: "idle" });
    if (!idle) throw new Error("no idle agent");
    const q = createQueueActivities(db);
    await q.queueSetAgentState({ agentId: idle.id, state: "available" });
    // 450 calls no agent can serve (they need "rare") and 50 the skilled agents can: every decision scans all 500.
    for (let i = 0; i < WAITING; i += 1) {
      await q.queueEnqueue({ callId: `wait-${i}`, queue: "bench", priority: i % 10, skills: [{ skill: i % 10 === 0 ? "common" : "rare", minProficiency: 1 }] });
    }
    const availablePhases = phaseLog();
    const enqueuePhases = phaseLog();
    const agentAvailable: number[] = [];
    const callEnqueued: number[] = [];
    const burst: number[] = [];
    const problems: string[] = [];
    for (let i = 0; i < args.runs; i += 1) {
      const agent = agents[i % agents.length];
      if (!agent) continue;
      // Agent becomes available → offer decided (committed); the offer rings out and the call goes back to its place.
      const offered = await timed(agentAvailable, () => runQueueEvent(db, { type: "agentState", agentId: agent.id, state: "available", reasonId: null }, availablePhases));
      const offer = offered.effects.offers[0];
      if (!offer) problems.push(`agent ${agent.id} got no offer`);
      else await q.queueOfferResult({ callId: offer.callId, agentId: agent.id, result: "no-answer" });
      // Caller enqueued while an agent is idle → offer decided; then the caller hangs up.
      const enqueued = await timed(callEnqueued, () => enqueueCall(db, { callId: `new-${i}`, queue: "bench" }, enqueuePhases));
      if (enqueued.status !== "queued" || enqueued.offer?.agentId !== idle.id) problems.push(`new-${i} was not offered to the idle agent`);
      await q.queueLeave({ callId: `new-${i}` });
    }
    // Many agents at once: each request waits for the ones ahead of it on the matcher's lock.
    for (let round = 0; round < Math.max(1, Math.floor(args.runs / args.burst)); round += 1) {
      const group = agents.slice(0, args.burst);
      for (const agent of group) await q.queueSetAgentState({ agentId: agent.id, state: "not_ready", reasonId: "reason-break" });
      const results = await Promise.all(group.map((agent) => timed(burst, () => q.queueSetAgentState({ agentId: agent.id, state: "available" }))));
      for (const r of results) for (const o of r.offers) await q.queueOfferResult({ callId: o.callId, agentId: o.agentId, result: "no-answer" });
      for (const agent of group) await q.queueSetAgentState({ agentId: agent.id, state: "not_ready", reasonId: "reason-break" });
    }
    const waiting = await db.queuedCall.count({ where: { status: "waiting" } });
    const row = (label: string, s: LatencyStats) => [label, String(s.count), s.p50.toFixed(1), s.p95.toFixed(1), s.p99.toFixed(1), s.max.toFixed(1)];
    console.log(`queue-match: ${WAITING} waiting calls, ${AGENTS} agents; ${waiting} still waiting at the end; load average at start ${startLoad}, at the end ${loadAverage()}`);
    console.log(
      renderTable(
        ["latency (ms)", "n", "p50", "p95", "p99", "max"].map((header) => ({ header })),
        [row("agent available → offer decided", latencyStats(agentAvailable)), row("caller enqueued → offer (agent idle)", latencyStats(callEnqueued)), row(`${args.burst} agents available at once, each`, latencyStats(burst))],
      ),
    );
    const phaseRow = (label: string, rows: MatchPhases[]) => {
      const keys = ["lock", "load", "decide", "write", "commit"] as const;
      return [label, ...keys.flatMap((key) => {
        const s = latencyStats(rows.map((r) => r[key]));
        return [`${s.p50.toFixed(1)} / ${s.p99.toFixed(1)}`];
      })];
    };
    console.log("\nwhere the time goes (ms, p50 / p99 of each phase):");
    console.log(
      renderTable(
        ["transaction", "lock (pool, BEGIN, lock wait)", "load", "decide", "write", "commit"].map((header) => ({ header })),
        [phaseRow("agent available", availablePhases.rows), phaseRow("caller enqueued", enqueuePhases.rows)],
      ),
    );
    if (problems.length > 0) console.log(`problems (${problems.length}): ${problems.slice(0, 10).join("; ")}`);
  } finally {
    await db.$disconnect();
    await scratch.drop();
  }
}

await main();
