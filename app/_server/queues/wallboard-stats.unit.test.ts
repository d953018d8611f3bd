import { describe, expect, it } from "vitest";
import { computeWallboard, elapsedMs, longestWait, serviceLevel, startOfDay, type WallboardAgentRow, type WallboardCallRow, type WallboardQueueRow } from "./wallboard-stats";

const dayStart = Date.parse("2026-12-01T16:00:00Z"); // midnight of 2 December in Shanghai
const now = dayStart + 10 * 3600_000;
const s = (seconds: number) => seconds * 1000;

const queue: WallboardQueueRow = { id: "q1", name: "after-sales", displayNameZh: "售后", displayNameEn: "After-sales", serviceLevelPercent: 80, serviceLevelSeconds: 20, requiredSkills: [{ skillId: "repair", minProficiency: 3 }] };

let n = 0;
function call(fields: Partial<WallboardCallRow> & Pick<WallboardCallRow, "status" | "arrivedAt">): WallboardCallRow {
  n += 1;
  return { id: `c${n}`, queueId: "q1", connectedAt: null, agentId: null, callerNumber: null, ...fields };
}
function agent(fields: Partial<WallboardAgentRow> & Pick<WallboardAgentRow, "id" | "state">): WallboardAgentRow {
  return { name: fields.id, reasonId: null, stateSince: now - s(60), skills: { repair: 4 }, currentCallId: null, ...fields };
}

describe("service level today", () => {
  it("counts answered within the target over answered, abandoned and those waiting past the target", () => {
    const calls = [
      call({ status: "ended", arrivedAt: now - s(600), connectedAt: now - s(600) + s(5) }), // within
      call({ status: "ended", arrivedAt: now - s(500), connectedAt: now - s(500) + s(20) }), // exactly the target: within
      call({ status: "connected", arrivedAt: now - s(100), connectedAt: now - s(100) + s(21) }), // late
      call({ status: "abandoned", arrivedAt: now - s(400) }), // counts against
      call({ status: "waiting", arrivedAt: now - s(30) }), // past the target: already a miss
      call({ status: "offered", arrivedAt: now - s(10) }), // within the target still: undecided
      call({ status: "ended", arrivedAt: dayStart - s(60), connectedAt: dayStart - s(50) }), // yesterday
    ];
    expect(serviceLevel(queue, calls, dayStart, now)).toEqual({ answeredWithinTarget: 2, offered: 5, percent: 40, targetPercent: 80, targetSeconds: 20 });
  });

  it("is null while no call counts, and keeps one decimal", () => {
    expect(serviceLevel(queue, [call({ status: "waiting", arrivedAt: now - s(5) })], dayStart, now).percent).toBeNull();
    const thirds = [0, 1, 2].map((i) => call({ status: "ended", arrivedAt: now - s(100 + i), connectedAt: now - s(100 + i) + (i === 0 ? s(50) : s(1)) }));
    expect(serviceLevel(queue, thirds, dayStart, now).percent).toBe(66.7);
  });
});

describe("longest wait", () => {
  it("is the oldest arrival among waiting and ringing calls, not connected ones", () => {
    const calls = [
      call({ status: "connected", arrivedAt: now - s(900), connectedAt: now - s(800) }),
      call({ status: "offered", arrivedAt: now - s(75) }),
      call({ status: "waiting", arrivedAt: now - s(12) }),
      call({ status: "abandoned", arrivedAt: now - s(1000) }),
    ];
    expect(longestWait(calls, now)).toEqual({ since: now - s(75), ms: s(75) });
    expect(longestWait([], now)).toEqual({ since: null, ms: 0 });
  });
});

describe("state durations", () => {
  it("are the time since the state began, never negative when clocks differ", () => {
    expect(elapsedMs(now - s(42), now)).toBe(s(42));
    expect(elapsedMs(now + 300, now)).toBe(0);
  });
});

describe("the wallboard snapshot", () => {
  it("counts per queue the agents who have its skills by state, the calls in progress with their agents, and abandoned today", () => {
    const agents = [
      agent({ id: "ann", state: "on_call", stateSince: now - s(90), currentCallId: "talking" }),
      agent({ id: "bo", state: "available" }),
      agent({ id: "cy", state: "not_ready", reasonId: "reason-break", stateSince: now - s(300) }),
      agent({ id: "novice", state: "available", skills: { repair: 2 } }),
    ];
    const calls = [
      call({ id: "talking", status: "connected", arrivedAt: now - s(120), connectedAt: now - s(90), agentId: "ann", callerNumber: "13800000000" }),
      call({ status: "abandoned", arrivedAt: now - s(50) }),
      call({ status: "abandoned", arrivedAt: dayStart - s(50) }),
      call({ status: "waiting", arrivedAt: now - s(8) }),
      { ...call({ status: "waiting", arrivedAt: now - s(3) }), queueId: "q2" },
    ];
    const board = computeWallboard({ now, dayStart, queues: [queue, { ...queue, id: "q2", name: "billing", requiredSkills: [] }], calls, agents });
    const [first, second] = board.queues;
    expect(first).toMatchObject({ waiting: 1, longestWaitingSince: now - s(8), longestWaitMs: s(8), answeredToday: 1, abandonedToday: 1 });
    expect(first?.agentsByState).toEqual({ available: 1, offered: 0, on_call: 1, wrap_up: 0, not_ready: 1, offline: 0 });
    expect(second?.agentsByState.available).toBe(2);
    expect(second?.waiting).toBe(1);
    expect(board.callsInProgress).toEqual([{ id: "talking", queueId: "q1", agentId: "ann", agentName: "ann", callerNumber: "13800000000", connectedAt: now - s(90) }]);
    expect(board.agents.find((a) => a.id === "cy")).toMatchObject({ state: "not_ready", reasonId: "reason-break", inStateMs: s(300) });
  });
});

describe("start of day", () => {
  it("is local midnight in the contact center's zone", () => {
    expect(startOfDay(Date.parse("2026-12-02T01:30:00Z"), "Asia/Shanghai")).toBe(Date.parse("2026-12-01T16:00:00Z"));
    expect(startOfDay(Date.parse("2026-12-01T23:59:00Z"), "Asia/Shanghai")).toBe(Date.parse("2026-12-01T16:00:00Z"));
    expect(startOfDay(Date.parse("2026-12-02T15:59:59Z"), "Asia/Shanghai")).toBe(Date.parse("2026-12-01T16:00:00Z"));
    expect(startOfDay(Date.parse("2026-12-02T16:00:00Z"), "Asia/Shanghai")).toBe(Date.parse("2026-12-02T16:00:00Z"));
    // New York on the day clocks go back: midnight was still daylight time (UTC-4).
    expect(startOfDay(Date.parse("2026-11-01T20:00:00Z"), "America/New_York")).toBe(Date.parse("2026-11-01T04:00:00Z"));
    expect(startOfDay(Date.parse("2026-12-02T10:00:00Z"), "UTC")).toBe(Date.parse("2026-12-02T00:00:00Z"));
  });
});
