import { spawn } from "node:child_process";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";
import { until } from "@/tests/support/until";
import { applyQueueEvent } from "./match/apply-queue-event";
import { matchInvariantProblems } from "./match/match-invariants";
import { NO_ANSWER_REASON_ID, type MatchState } from "./match/match-model";
import type { QueueEvent } from "./match/queue-events";
import { createQueueActivities } from "./queue-activities";
import { startQueueClock } from "./queue-clock";
import { loadMatchState } from "./load-match-state";
import { withMatchLock } from "./match-lock";
import { applyInTransaction, rematchWholeState } from "./run-queue-event";
import { loadCandidates } from "./load-match-rows";
import { callOf } from "./match/match-fixtures";
import { pickCandidates } from "./match/incremental-match";
import { seedAgents, seedQueue, type SeededAgent } from "./test-support/seed-queue-data";

let database: TestDatabase;
let db: PrismaClient;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database?.drop();
});

async function reset(): Promise<void> {
  await db.agentStateChange.deleteMany();
  await db.queuedCall.deleteMany();
  await db.agentSkill.deleteMany();
  await db.agentProfile.deleteMany();
  await db.queue.deleteMany();
  await db.skill.deleteMany();
  await db.user.deleteMany({ where: { role: "agent" } });
}

const stateNow = () => db.$transaction((tx) => loadMatchState(tx));

/** Replays each agent's stored state log: it must end in the agent's current state. */
async function stateLogProblems(): Promise<string[]> {
  const [agents, changes] = await Promise.all([db.agentProfile.findMany(), db.agentStateChange.findMany({ orderBy: { id: "asc" } })]);
  const last = new Map(changes.map((c) => [c.agentId, c.state]));
  return agents.filter((a) => (last.get(a.userId) ?? "offline") !== a.state).map((a) => `agent ${a.userId} is ${a.state}, its log says ${last.get(a.userId) ?? "nothing"}`);
}

describe("the matcher's durable runtime on PostgreSQL", () => {
  beforeEach(reset);

  it("stores exactly what the pure matcher decides on the whole state, event by event (the incremental SQL path)", async () => {
    const repair = await db.skill.create({ data: { name: "repair", displayNameZh: "维修", displayNameEn: "Repair" } });
    const sales = await db.skill.create({ data: { name: "sales", displayNameZh: "销售", displayNameEn: "Sales" } });
    const skillIds = [repair.id, sales.id];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            kind: fc.constantFrom("enqueue", "enqueue", "enqueue", "leave", "offerResult", "offerResult", "endCall", "retarget", "agentState", "agentState", "agentState", "tick"),
            dt: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 20_000 })),
            pick: fc.nat(),
            priority: fc.integer({ min: 0, max: 2 }),
            skills: fc.subarray([0, 1], { maxLength: 2 }),
            minProficiency: fc.integer({ min: 1, max: 5 }),
            language: fc.constantFrom(null, "zh", "en", "zh-CN", "ZH-tw", "en-US", "zh-yue"),
            preferred: fc.option(fc.nat(), { nil: null }),
            result: fc.constantFrom("accepted" as const, "declined" as const, "no-answer" as const),
            state: fc.constantFrom("offline" as const, "available" as const, "available" as const, "not_ready" as const),
          }),
          { minLength: 5, maxLength: 30 },
        ),
        async (steps) => {
          await reset();
          for (const skill of [repair, sales]) await db.skill.upsert({ where: { id: skill.id }, create: skill, update: {} });
          const agents = [
            ...(await seedAgents(db, 2, { prefix: "pa", skills: { [repair.id]: 4 }, wrapUpSeconds: 10 })),
            ...(await seedAgents(db, 1, { prefix: "pb", skills: { [repair.id]: 5, [sales.id]: 2 }, languages: ["zh", "en"] })),
            ...(await seedAgents(db, 1, { prefix: "pc", skills: { [sales.id]: 4 }, languages: ["en-US"], wrapUpSeconds: 5 })),
            ...(await seedAgents(db, 1, { prefix: "pe", skills: { [repair.id]: 3 }, languages: ["zh-CN", "yue"] })),
            ...(await seedAgents(db, 2, { prefix: "pd" })),
          ];
          let model: MatchState = await stateNow();
          let at = Date.parse("2026-12-01T02:00:00Z");
          const calls: string[] = [];
          for (const [i, step] of steps.entries()) {
            at += step.dt;
            const agent = agents[step.pick % agents.length] ?? agents[0];
            const callId = calls[step.pick % Math.max(calls.length, 1)] ?? "none";
            const event: QueueEvent =
              step.kind === "enqueue"
                ? {
                    type: "enqueue",
                    at,
                    call: {
                      id: `call-${i}`,
                      queueId: "q",
                      priority: step.priority,
                      requiredSkills: step.skills.map((k) => ({ skillId: skillIds[k] ?? repair.id, minProficiency: step.minProficiency })),
                      language: step.language,
                      preferredAgentId: step.preferred === null ? null : (agents[step.preferred % agents.length]?.id ?? null),
                      offerTimeoutMs: 15_000,
                    },
                  }
                : step.kind === "leave" || step.kind === "endCall"
                  ? { type: step.kind, callId, at }
                  : step.kind === "retarget"
                    ? { type: "retarget", callId, queueId: "q", requiredSkills: step.skills.map((k) => ({ skillId: skillIds[k] ?? repair.id, minProficiency: Math.max(1, step.minProficiency - 2) })), at }
                  : step.kind === "offerResult"
                    ? { type: "offerResult", callId, agentId: model.calls.get(callId)?.agentId ?? agent?.id ?? "", result: step.result, at }
                    : step.kind === "agentState"
                      ? { type: "agentState", agentId: agent?.id ?? "", state: step.state, reasonId: step.state === "not_ready" ? "reason-break" : null, at }
                      : { type: "tick", at };
            if (event.type === "enqueue") calls.push(event.call.id);
            const expected = applyQueueEvent(model, event);
            model = expected.state;
            const applied = await withMatchLock(db, (tx) => applyInTransaction(tx, event));
            expect(applied.refused).toBe(expected.refused);
            expect(applied.effects.offers).toEqual(expected.effects.offers);
            const stored = await stateNow();
            expect(stored).toEqual(model);
            expect(matchInvariantProblems(stored)).toEqual([]);
          }
          expect(await stateLogProblems()).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("finds the same candidates in SQL as the pure reference, on random stored states", async () => {
    const repair = await db.skill.create({ data: { name: "repair", displayNameZh: "维修", displayNameEn: "Repair" } });
    const agents = [
      ...(await seedAgents(db, 3, { prefix: "ca", skills: { [repair.id]: 3 } })),
      ...(await seedAgents(db, 3, { prefix: "cb", skills: { [repair.id]: 5 }, languages: ["zh", "en"] })),
      ...(await seedAgents(db, 2, { prefix: "cc" })),
      ...(await seedAgents(db, 2, { prefix: "cd", skills: { [repair.id]: 4 }, languages: ["EN-gb", "zh-Hant-TW"] })),
      ...(await seedAgents(db, 1, { prefix: "ce", skills: { [repair.id]: 2 }, languages: ["yue"] })),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ available: fc.boolean(), idle: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }) }), { minLength: agents.length, maxLength: agents.length }),
        fc.array(fc.record({ priority: fc.integer({ min: 0, max: 2 }), dt: fc.integer({ min: 0, max: 2 }), needs: fc.integer({ min: 0, max: 5 }), language: fc.constantFrom(null, "zh", "en", "zh-CN", "ZH-tw", "en-US", "zh-yue"), declined: fc.subarray([0, 1, 2, 3]) }), { maxLength: 12 }),
        fc.record({ needs: fc.integer({ min: 0, max: 5 }), language: fc.constantFrom(null, "zh", "en", "zh-CN", "ZH-tw", "en-US", "zh-yue"), preferred: fc.nat(), agents: fc.subarray([0, 3, 6, 8, 10]) }),
        async (agentRows, callRows, probe) => {
          await db.queuedCall.deleteMany();
          for (const [i, agent] of agents.entries()) {
            const row = agentRows[i];
            await db.agentProfile.update({ where: { userId: agent.id }, data: { state: row?.available ? "available" : "offline", currentCallId: null, lastCallEndedAt: row?.idle === null || row === undefined ? null : new Date(1_000 + row.idle) } });
          }
          let arrivedAt = Date.parse("2026-12-01T02:00:00Z");
          for (const [i, call] of callRows.entries()) {
            arrivedAt += call.dt;
            await db.queuedCall.create({
              data: {
                id: `cand-${i}`,
                queueId: "q",
                priority: call.priority,
                requiredSkills: call.needs === 0 ? [] : [{ skillId: repair.id, minProficiency: call.needs }],
                language: call.language,
                arrivedAt: new Date(arrivedAt),
                declinedBy: call.declined.flatMap((k) => (agents[k] ? [agents[k].id] : [])),
              },
            });
          }
          const full = await stateNow();
          // A frontier of a new call and of some agents (as if just freed), nothing else known.
          const newCall = { ...callOf("probe", { requiredSkills: probe.needs === 0 ? [] : [{ skillId: repair.id, minProficiency: probe.needs }], language: probe.language, preferredAgentId: agents[probe.preferred % agents.length]?.id ?? null }) };
          const freeAgents = probe.agents.flatMap((k) => {
            const agent = agents[k] === undefined ? undefined : full.agents.get(agents[k].id);
            return agent ? [{ ...agent, state: "available" as const }] : [];
          });
          const frontier = { freeAgents, waitingCalls: [newCall] };
          const known: MatchState = { calls: new Map([[newCall.id, newCall]]), agents: new Map(freeAgents.map((a) => [a.id, a])) };
          const fromSql = await db.$transaction((tx) => loadCandidates(tx, frontier, known));
          const expected = pickCandidates(full, frontier, known);
          expect(new Set(fromSql.calls.keys())).toEqual(new Set(expected.calls.keys()));
          expect(new Set(fromSql.agents.keys())).toEqual(new Set(expected.agents.keys()));
          expect(fromSql).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("keeps the invariants when 40 callers and 25 agents race, and serves callers in arrival order", async () => {
    await seedQueue(db, "race");
    const agents = await seedAgents(db, 25);
    // Separate clients: separate connection pools, like separate worker processes.
    const clients = [db, createPrismaClient(database.url), createPrismaClient(database.url)];
    try {
      const activities = clients.map(createQueueActivities);
      const pick = (i: number) => activities[i % activities.length] ?? activities[0];
      const enqueued = Array.from({ length: 40 }, (_, i) => `race-${i}`);
      await Promise.all([
        ...enqueued.map((callId, i) => pick(i)?.queueEnqueue({ callId, queue: "race" })),
        ...agents.map((agent, i) => pick(i + 1)?.queueSetAgentState({ agentId: agent.id, state: "available" })),
      ]);
      let state = await stateNow();
      expect(matchInvariantProblems(state)).toEqual([]);
      const offered = [...state.calls.values()].filter((c) => c.status === "offered");
      expect(offered).toHaveLength(25);
      const byArrival = [...state.calls.values()].sort((a, b) => a.arrivedAt - b.arrivedAt || (a.id < b.id ? -1 : 1));
      expect(new Set(offered.map((c) => c.id))).toEqual(new Set(byArrival.slice(0, 25).map((c) => c.id)));

      // Answers, declines and hangups all at once; a hangup and an answer race for the same call.
      const racing = offered.slice(0, 10);
      await Promise.all([
        ...racing.map((call, i) => pick(i)?.queueOfferResult({ callId: call.id, agentId: call.agentId ?? "", result: "accepted" })),
        ...racing.map((call, i) => pick(i + 1)?.queueLeave({ callId: call.id })),
        ...offered.slice(10, 20).map((call, i) => pick(i + 2)?.queueOfferResult({ callId: call.id, agentId: call.agentId ?? "", result: "declined" })),
        ...byArrival.slice(30).map((call, i) => pick(i)?.queueLeave({ callId: call.id })),
      ]);
      state = await stateNow();
      expect(matchInvariantProblems(state)).toEqual([]);
      for (const call of racing) expect(state.calls.has(call.id)).toBe(false);
      for (const call of byArrival.slice(30)) expect(state.calls.has(call.id)).toBe(false);
      const busy = [...state.agents.values()].filter((a) => a.currentCallId !== null).map((a) => a.currentCallId);
      expect(new Set(busy).size).toBe(busy.length);
      expect(await stateLogProblems()).toEqual([]);
      const rows = await db.queuedCall.findMany();
      expect(rows.map((r) => r.id).sort()).toEqual([...enqueued].sort());
    } finally {
      await Promise.all(clients.slice(1).map((c) => c.$disconnect()));
    }
  });

  it("frees the agent when the caller hangs up while it rings, and gives an unanswered offer to the next agent", async () => {
    await seedQueue(db, "ring", { offerTimeoutSeconds: 1 });
    const [first, second] = await seedAgents(db, 2);
    if (!first || !second) throw new Error("two agents expected");
    const activities = createQueueActivities(db);
    const clock = startQueueClock(db, { everyMs: 100 });
    try {
      await activities.queueSetAgentState({ agentId: first.id, state: "available" });
      const hangup = await activities.queueEnqueue({ callId: "hangs-up", queue: "ring" });
      expect(hangup).toMatchObject({ status: "queued", offer: { agentId: first.id } });
      await activities.queueLeave({ callId: "hangs-up" });
      expect(await db.agentProfile.findUnique({ where: { userId: first.id } })).toMatchObject({ state: "available", currentCallId: null });
      expect(await db.queuedCall.findUnique({ where: { id: "hangs-up" } })).toMatchObject({ status: "abandoned", agentId: null });

      const rings = await activities.queueEnqueue({ callId: "rings-out", queue: "ring" });
      expect(rings).toMatchObject({ offer: { agentId: first.id } });
      const arrivedAt = (await db.queuedCall.findUniqueOrThrow({ where: { id: "rings-out" } })).arrivedAt;
      await until("the offer to expire", async () => ((await db.agentProfile.findUnique({ where: { userId: first.id } }))?.state === "not_ready" ? true : undefined), 20_000);
      expect(await db.agentProfile.findUnique({ where: { userId: first.id } })).toMatchObject({ stateReasonId: NO_ANSWER_REASON_ID });
      expect(await db.queuedCall.findUnique({ where: { id: "rings-out" } })).toMatchObject({ status: "waiting", arrivedAt, offerCount: 1 });
      const late = await activities.queueOfferResult({ callId: "rings-out", agentId: first.id, result: "accepted" });
      expect(late.refused).toBe("stale-offer");
      const next = await activities.queueSetAgentState({ agentId: second.id, state: "available" });
      expect(next.offers).toEqual([expect.objectContaining({ callId: "rings-out", agentId: second.id })]);
    } finally {
      await clock.stop();
    }
  });

  it("refuses callers beyond the queue's maximum with its action, and an agent's own change while talking", async () => {
    await seedQueue(db, "small", { maxWaiting: 2 });
    const [agent] = await seedAgents(db, 1);
    const activities = createQueueActivities(db);
    expect(await activities.queueEnqueue({ callId: "s1", queue: "small" })).toMatchObject({ status: "queued", position: 1 });
    expect(await activities.queueEnqueue({ callId: "s1", queue: "small" })).toMatchObject({ status: "queued", position: 1 });
    expect(await activities.queueEnqueue({ callId: "s2", queue: "small", priority: 9 })).toMatchObject({ status: "queued", position: 1 });
    expect(await activities.queueEnqueue({ callId: "s3", queue: "small" })).toEqual({ status: "full", action: { kind: "voicemail" } });
    expect(await activities.queueEnqueue({ callId: "s4", queue: "nowhere" })).toEqual({ status: "unknown-queue", name: "nowhere" });
    if (!agent) throw new Error("agent expected");
    const offered = await activities.queueSetAgentState({ agentId: agent.id, state: "available" });
    expect(offered.offers.map((o) => o.callId)).toEqual(["s2"]);
    await activities.queueOfferResult({ callId: "s2", agentId: agent.id, result: "accepted" });
    expect((await activities.queueSetAgentState({ agentId: agent.id, state: "offline" })).refused).toBe("agent-busy");
  });

  it("offers a waiting call to an available agent who was given the skill outside the matcher, once the whole state is rematched", async () => {
    const skill = await db.skill.create({ data: { name: "rare", displayNameZh: "稀有", displayNameEn: "Rare" } });
    await seedQueue(db, "rematch");
    const [agent, other] = await seedAgents(db, 2);
    if (!agent || !other) throw new Error("two agents expected");
    const activities = createQueueActivities(db);
    await activities.queueSetAgentState({ agentId: agent.id, state: "available" });
    expect(await activities.queueEnqueue({ callId: "needs-rare", queue: "rematch", skills: [{ skill: "rare", minProficiency: 2 }] })).toMatchObject({ status: "queued", offer: null });
    await db.agentSkill.create({ data: { agentId: agent.id, skillId: skill.id, proficiency: 3 } });
    // Events about other rows do not look at this agent (incremental matching) …
    expect((await activities.queueSetAgentState({ agentId: other.id, state: "available" })).offers).toEqual([]);
    // … the rematch does.
    const rematched = await rematchWholeState(db);
    expect(rematched.effects.offers).toEqual([expect.objectContaining({ callId: "needs-rare", agentId: agent.id })]);
    expect(matchInvariantProblems(await stateNow())).toEqual([]);
  });

  it("loses no committed call and no agent state when the process running the matcher is killed", async () => {
    await seedQueue(db, "restart", { offerTimeoutSeconds: 1 });
    const agents: SeededAgent[] = await seedAgents(db, 3);
    const activities = createQueueActivities(db);
    for (const agent of agents) await activities.queueSetAgentState({ agentId: agent.id, state: "available" });
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "test-support/enqueue-loop.ts")], {
      env: { ...process.env, CC_QUEUE_TEST_DB_URL: database.url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const committed: string[] = [];
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) if (line.startsWith("committed ")) committed.push(line.slice("committed ".length));
    });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await until("the child to commit 20 calls", () => (committed.length >= 20 ? true : undefined), 60_000);
    child.kill("SIGKILL");
    await exited;

    // What the killed process committed is all there, and nothing half-done is.
    const stored = new Set((await db.queuedCall.findMany()).map((r) => r.id));
    for (const id of committed) expect(stored.has(id), id).toBe(true);
    let state = await stateNow();
    expect(matchInvariantProblems(state)).toEqual([]);
    expect([...state.agents.values()].map((a) => a.state)).toEqual(["offered", "offered", "offered"]);

    // A new process (its own client and clock) takes over: the offers nobody answers expire into 未接听.
    const restarted = createPrismaClient(database.url);
    const clock = startQueueClock(restarted, { everyMs: 100 });
    try {
      await until("every offer to ring out", async () => ((await restarted.agentProfile.count({ where: { state: "not_ready", stateReasonId: NO_ANSWER_REASON_ID } })) === 3 ? true : undefined), 20_000);
      state = await restarted.$transaction((tx) => loadMatchState(tx));
      expect(matchInvariantProblems(state)).toEqual([]);
      expect([...state.calls.values()].every((c) => c.status === "waiting")).toBe(true);
      expect(state.calls.size).toBe(stored.size);
    } finally {
      await clock.stop();
      await restarted.$disconnect();
    }
  });
});
