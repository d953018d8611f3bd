// 1,000 simulated calls into 3 queues with 40 simulated agents through the durable queue runtime on
// PostgreSQL, checked from the stored rows and set next to Erlang C.
//   npx tsx scripts/bench/acd-erlang.ts [--calls 1000] [--ms-per-second 100] [--seed 7]
// Simulated time runs --ms-per-second real milliseconds per simulated second. Prints; asserts nothing
// but exits 1 when a check fails.
import os from "node:os";
import pg from "pg";
import { z } from "zod";
import { createPrismaClient } from "@/prisma/client";
import { createQueueActivities } from "@/workers/queues/queue-activities";
import { startQueueClock } from "@/workers/queues/queue-clock";
import { seedAgents, seedQueue } from "@/workers/queues/test-support/seed-queue-data";
import { createScratchDatabase } from "../run-flow/scratch-database";
import { renderTable } from "../run-flow/text-table";
import { doubleOffers, firstOffers, occupancy, orderViolations, type CallRow, type StateChangeRow } from "./lib/acd-checks";
import { erlangC, type ErlangCPrediction } from "./lib/erlang-c";

const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const args = z
  .object({ calls: z.coerce.number().int().min(10).max(10_000).default(1000), msPerSecond: z.coerce.number().int().min(20).max(1000).default(100), seed: z.coerce.number().int().default(7) })
  .parse({ calls: flag("calls"), msPerSecond: flag("ms-per-second"), seed: flag("seed") });

// The model, in simulated seconds. Wrap-up and the offer's ring-out are whole real seconds in the
// runtime, so they are one real second each, whatever that is in simulated time.
const SECOND = args.msPerSecond;
const WRAP_UP_S = 1000 / SECOND;
const OFFER_TIMEOUT_S = 1000 / SECOND;
const MEAN_TALK_S = 90;
const RING_S = { min: 1, max: 4 };
const MEAN_PATIENCE_S = 180;
const DECLINE = 0.02;
const NO_ANSWER = 0.02;
const BACK_AFTER_NO_ANSWER_S = 10;
const VIP = 0.1;
const TARGET_S = 20;
const TARGET_ERLANGS = 34;
const QUEUES = [
  { name: "sales", share: 0.45 },
  { name: "repair", share: 0.35 },
  { name: "billing", share: 0.2 },
] as const;
type QueueName = (typeof QUEUES)[number]["name"];
/** 40 agents: most serve one queue, 7 serve several. */
const TEAMS: { count: number; skills: QueueName[] }[] = [
  { count: 15, skills: ["sales"] },
  { count: 12, skills: ["repair"] },
  { count: 6, skills: ["billing"] },
  { count: 4, skills: ["sales", "repair"] },
  { count: 3, skills: ["sales", "repair", "billing"] },
];
const MEAN_SERVICE_S = (RING_S.min + RING_S.max) / 2 + MEAN_TALK_S + WRAP_UP_S;
const ARRIVALS_PER_S = TARGET_ERLANGS / MEAN_SERVICE_S;

/** Deterministic random numbers (mulberry32), so a run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(args.seed);
const exponential = (mean: number) => -Math.log(1 - rnd()) * mean;
const sleep = (simSeconds: number) => new Promise((resolve) => setTimeout(resolve, simSeconds * SECOND));

type SimCallState = "waiting" | "answering" | "connected" | "done" | "left";

async function main(): Promise<void> {
  const startLoad = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  const scratch = await createScratchDatabase();
  const db = createPrismaClient(scratch.url);
  const listener = new pg.Client({ connectionString: scratch.url });
  const problems: string[] = [];
  try {
    const skillIds = new Map<QueueName, string>();
    for (const queue of QUEUES) {
      const skill = await db.skill.create({ data: { name: queue.name, displayNameZh: queue.name, displayNameEn: queue.name } });
      skillIds.set(queue.name, skill.id);
      await seedQueue(db, queue.name, { maxWaiting: 10_000, offerTimeoutSeconds: Math.round((OFFER_TIMEOUT_S * SECOND) / 1000), requiredSkills: [{ skillId: skill.id, minProficiency: 1 }] });
    }
    const agents: string[] = [];
    for (const [t, team] of TEAMS.entries()) {
      const skills = Object.fromEntries(team.skills.map((name) => [skillIds.get(name) ?? "", 3]));
      for (const agent of await seedAgents(db, team.count, { prefix: `team${t}-`, skills, wrapUpSeconds: Math.round((WRAP_UP_S * SECOND) / 1000) })) agents.push(agent.id);
    }
    const q = createQueueActivities(db);
    for (const agent of agents) await q.queueSetAgentState({ agentId: agent, state: "available" });

    const calls = new Map<string, SimCallState>();
    const leftByCaller = new Set<string>();
    const ended = new Set<string>();
    const pending = new Set<Promise<unknown>>();
    const track = (work: Promise<unknown>) => {
      const p = work.catch((error: unknown) => problems.push(`simulation: ${error instanceof Error ? error.message : String(error)}`)).finally(() => pending.delete(p));
      pending.add(p);
    };

    const agentBackLater = async (agentId: string) => {
      await sleep(OFFER_TIMEOUT_S + BACK_AFTER_NO_ANSWER_S);
      // The clock may not have rung the offer out yet: try again a little later.
      while ((await q.queueSetAgentState({ agentId, state: "available" })).refused === "agent-busy") await sleep(1);
    };
    const onOffer = async (callId: string, agentId: string) => {
      await sleep(RING_S.min + rnd() * (RING_S.max - RING_S.min));
      const roll = rnd();
      if (calls.get(callId) !== "waiting") return; // the caller hung up while it rang: the agent is free already
      if (roll < NO_ANSWER) return agentBackLater(agentId);
      if (roll < NO_ANSWER + DECLINE) {
        await q.queueOfferResult({ callId, agentId, result: "declined" });
        return;
      }
      calls.set(callId, "answering");
      const answered = await q.queueOfferResult({ callId, agentId, result: "accepted" });
      if (answered.refused !== null) {
        // Rang out before the answer got through (a slow transaction): the agent is in 未接听.
        calls.set(callId, "waiting");
        return agentBackLater(agentId);
      }
      calls.set(callId, "connected");
      await sleep(exponential(MEAN_TALK_S));
      calls.set(callId, "done");
      const end = await q.queueEndCall({ callId });
      if (end.refused !== null) problems.push(`end of ${callId} refused: ${end.refused}`);
      ended.add(callId);
    };
    const caller = async (callId: string, queue: QueueName) => {
      calls.set(callId, "waiting");
      const result = await q.queueEnqueue({ callId, queue, priority: rnd() < VIP ? 9 : 5 });
      if (result.status !== "queued") problems.push(`${callId} not queued: ${result.status}`);
      await sleep(exponential(MEAN_PATIENCE_S));
      if (calls.get(callId) !== "waiting") return;
      calls.set(callId, "left");
      leftByCaller.add(callId);
      await q.queueLeave({ callId });
    };

    await listener.connect();
    listener.on("notification", (message) => {
      const offer = z.object({ callId: z.string(), agentId: z.string() }).parse(JSON.parse(message.payload ?? "{}"));
      track(onOffer(offer.callId, offer.agentId));
    });
    await listener.query("LISTEN cc_queues_offer");
    const clock = startQueueClock(db, { everyMs: Math.max(20, Math.round(SECOND / 2)), log: (m) => problems.push(m) });

    const started = Date.now();
    for (let i = 0; i < args.calls; i += 1) {
      const roll = rnd();
      let cumulative = 0;
      const queue = QUEUES.find((qu) => (cumulative += qu.share) > roll)?.name ?? "sales";
      track(caller(`call-${i}`, queue));
      await sleep(exponential(1 / ARRIVALS_PER_S));
    }
    const arrivalsDoneMs = Date.now() - started;
    const deadline = Date.now() + 20 * 60_000;
    while ([...calls.values()].some((s) => s !== "done" && s !== "left") || pending.size > 0) {
      if (Date.now() > deadline) {
        problems.push("calls still in progress after 20 minutes");
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await clock.stop();
    const runMs = Date.now() - started;

    // Everything below comes from the stored rows.
    const callRows: CallRow[] = (await db.queuedCall.findMany()).map((r) => ({ id: r.id, queueId: r.queueId, priority: r.priority, status: r.status, arrivedAt: r.arrivedAt.getTime(), connectedAt: r.connectedAt?.getTime() ?? null, endedAt: r.endedAt?.getTime() ?? null, declinedBy: r.declinedBy }));
    const log: StateChangeRow[] = (await db.agentStateChange.findMany({ orderBy: { id: "asc" } })).map((r) => ({ agentId: r.agentId, state: r.state, callId: r.callId, at: r.at.getTime() }));
    const queues = new Map((await db.queue.findMany()).map((row) => [row.id, row.name]));

    const answered = callRows.filter((c) => c.status === "ended");
    const abandoned = callRows.filter((c) => c.status === "abandoned");
    const lost = [...calls.keys()].filter((id) => !callRows.some((c) => c.id === id));
    const unfinished = callRows.filter((c) => c.status !== "ended" && c.status !== "abandoned");
    const abandonedNotByCaller = abandoned.filter((c) => !leftByCaller.has(c.id));
    const endedNotByAgent = answered.filter((c) => !ended.has(c.id));
    const doubles = doubleOffers(log);
    const order = orderViolations(callRows, log);

    const first = firstOffers(log);
    const waitS = (c: CallRow) => ((first.get(c.id)?.at ?? c.endedAt ?? c.arrivedAt) - c.arrivedAt) / SECOND;
    const served = callRows.filter((c) => first.has(c.id));
    const withinTarget = served.filter((c) => waitS(c) <= TARGET_S).length;
    // Occupancy over the arrivals (not the drain after the last caller, when agents run out of work).
    const from = Math.min(...callRows.map((c) => c.arrivedAt));
    const lastArrival = Math.max(...callRows.map((c) => c.arrivedAt));
    const busy = occupancy(log, from, lastArrival);
    const arrivalSpanS = (lastArrival - from) / SECOND;
    const talks = answered.flatMap((c) => (c.connectedAt !== null && c.endedAt !== null ? [(c.endedAt - c.connectedAt) / SECOND] : []));
    const rings = answered.flatMap((c) => {
      const offer = first.get(c.id);
      return offer && c.connectedAt !== null ? [(c.connectedAt - offer.at) / SECOND] : [];
    });
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(xs.length, 1);
    const measuredService = mean(rings) + mean(talks) + WRAP_UP_S;
    const measuredRate = (callRows.length - 1) / arrivalSpanS;
    const offeredErlangs = measuredRate * measuredService;

    // Erlang C for the same load: all 40 agents as one pool, and split by skill (each multi-skilled agent counted where the load per agent is highest).
    const pooled = erlangC(agents.length, offeredErlangs, measuredService, TARGET_S);
    const share = new Map(QUEUES.map((qu) => [qu.name, callRows.filter((c) => queues.get(c.queueId) === qu.name).length / callRows.length]));
    const staff = new Map<QueueName, number>(QUEUES.map((qu) => [qu.name, 0]));
    for (const team of TEAMS.filter((tm) => tm.skills.length === 1)) for (const name of team.skills) staff.set(name, (staff.get(name) ?? 0) + team.count);
    for (const team of TEAMS.filter((tm) => tm.skills.length > 1)) {
      for (let k = 0; k < team.count; k += 1) {
        const target = [...team.skills].sort((a, b) => ((share.get(b) ?? 0) / (staff.get(b) ?? 1)) - ((share.get(a) ?? 0) / (staff.get(a) ?? 1)))[0] ?? team.skills[0];
        if (target) staff.set(target, (staff.get(target) ?? 0) + 1);
      }
    }
    const split = QUEUES.map((qu) => ({ name: qu.name, agents: staff.get(qu.name) ?? 0, prediction: erlangC(staff.get(qu.name) ?? 1, offeredErlangs * (share.get(qu.name) ?? 0), measuredService, TARGET_S) }));
    const weighted = (pick: (p: ErlangCPrediction) => number) => split.reduce((sum, s) => sum + pick(s.prediction) * (share.get(s.name) ?? 0), 0);

    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    const secs = (x: number) => `${x.toFixed(1)} s`;
    console.log(`acd-erlang: ${callRows.length} calls, ${QUEUES.length} queues, ${agents.length} agents; ${args.msPerSecond} ms per simulated second; seed ${args.seed}`);
    console.log(`load average at start ${startLoad}, at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} on ${os.cpus().length} cores; arrivals took ${(arrivalsDoneMs / 1000).toFixed(0)} s, the run ${(runMs / 1000).toFixed(0)} s`);
    console.log(`offered: ${measuredRate.toFixed(3)} calls/s × ${measuredService.toFixed(1)} s (ring ${mean(rings).toFixed(1)} + talk ${mean(talks).toFixed(1)} + wrap-up ${WRAP_UP_S.toFixed(0)}) = ${offeredErlangs.toFixed(1)} erlangs; patience mean ${MEAN_PATIENCE_S} s; target ${TARGET_S} s`);
    console.log("\nchecks (from QueuedCall and AgentStateChange rows):");
    const check = (label: string, bad: number, detail: string[] = []) => {
      console.log(`  ${bad === 0 ? "ok  " : "FAIL"} ${label}${bad === 0 ? "" : `: ${bad} (${detail.slice(0, 3).join("; ")})`}`);
      if (bad > 0) problems.push(label);
    };
    check(`every call answered (${answered.length}) or abandoned (${abandoned.length})`, unfinished.length, unfinished.map((c) => `${c.id} ${c.status}`));
    check("none lost (every simulated call has its row)", lost.length, lost);
    check("every abandoned call was the caller's own choice", abandonedNotByCaller.length, abandonedNotByCaller.map((c) => c.id));
    check("every answered call was ended by its agent", endedNotByAgent.length, endedNotByAgent.map((c) => c.id));
    check("no double offer (an agent holding two calls, a call with two agents)", doubles.length, doubles);
    check("waiting order within each queue and priority class", order.length, order);
    const answeredWithin = answered.filter((c) => waitS(c) <= TARGET_S).length;
    console.log(
      "\n" +
        renderTable(
          ["", "measured", "Erlang C, one pool of 40", "Erlang C, split by skill"].map((header) => ({ header })),
          [
            ["waited for an agent at all", pct(served.filter((c) => waitS(c) > 0.5).length / callRows.length), pct(pooled.waitProbability), pct(weighted((p) => p.waitProbability))],
            [`service level (agent within ${TARGET_S} s, of all calls)`, pct(withinTarget / callRows.length), pct(pooled.serviceLevel), pct(weighted((p) => p.serviceLevel))],
            [`answered within ${TARGET_S} s, of all calls`, pct(answeredWithin / callRows.length), "", ""],
            ["average wait for an agent (served calls)", secs(mean(served.map(waitS))), secs(pooled.averageWait), secs(weighted((p) => p.averageWait))],
            ["abandoned", pct(abandoned.length / callRows.length), "0 % (no abandonment in the model)", ""],
            ["agent occupancy (busy / signed in, while calls arrive)", pct(busy.busyMs / busy.signedInMs), pct(pooled.occupancy), pct(pooled.occupancy)],
            ["occupancy of the carried load", "", pct((pooled.occupancy * answered.length) / callRows.length), ""],
          ],
        ),
    );
    console.log(`split by skill: ${split.map((s) => `${s.name} ${s.agents} agents, ${pct(s.prediction.serviceLevel)} within ${TARGET_S} s, wait ${secs(s.prediction.averageWait)}`).join("; ")}`);
    for (const qu of QUEUES) {
      const mine = callRows.filter((c) => queues.get(c.queueId) === qu.name);
      const mineServed = mine.filter((c) => first.has(c.id));
      console.log(`  ${qu.name}: ${mine.length} calls, ${pct(mineServed.filter((c) => waitS(c) <= TARGET_S).length / Math.max(mine.length, 1))} within ${TARGET_S} s, average wait ${secs(mean(mineServed.map(waitS)))}, abandoned ${pct(mine.filter((c) => c.status === "abandoned").length / Math.max(mine.length, 1))}`);
    }
    if (problems.length > 0) {
      console.log(`\nproblems (${problems.length}): ${problems.slice(0, 10).join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    await listener.end().catch(() => undefined);
    await db.$disconnect();
    await scratch.drop();
  }
}

await main();
