import { describe, expect, it } from "vitest";
import { doubleOffers, occupancy, orderViolations, type CallRow } from "./acd-checks";

const call = (id: string, arrivedAt: number, changes: Partial<CallRow> = {}): CallRow => ({ id, queueId: "q", priority: 5, status: "ended", arrivedAt, connectedAt: null, endedAt: null, declinedBy: [], ...changes });

describe("ACD run checks", () => {
  it("finds an agent offered a second call and a call offered to a second agent", () => {
    expect(doubleOffers([{ agentId: "a", state: "offered", callId: "c1", at: 1 }, { agentId: "a", state: "on_call", callId: "c1", at: 2 }, { agentId: "a", state: "wrap_up", callId: null, at: 3 }, { agentId: "a", state: "offered", callId: "c2", at: 4 }])).toEqual([]);
    expect(doubleOffers([{ agentId: "a", state: "offered", callId: "c1", at: 1 }, { agentId: "a", state: "offered", callId: "c2", at: 2 }])).toHaveLength(1);
    expect(doubleOffers([{ agentId: "a", state: "offered", callId: "c1", at: 1 }, { agentId: "b", state: "offered", callId: "c1", at: 2 }])).toHaveLength(1);
  });

  it("finds a later caller offered first within a class, but not across classes or after a decline", () => {
    const log = (first: string, second: string) => [{ agentId: "a", state: "offered", callId: first, at: 10 }, { agentId: "b", state: "offered", callId: second, at: 20 }];
    expect(orderViolations([call("early", 1), call("late", 2)], log("early", "late"))).toEqual([]);
    expect(orderViolations([call("early", 1), call("late", 2)], log("late", "early"))).toHaveLength(1);
    expect(orderViolations([call("early", 1, { endedAt: 5 }), call("late", 2)], log("late", "other"))).toEqual([]);
    expect(orderViolations([call("early", 1, { priority: 1 }), call("late", 2)], log("late", "early"))).toEqual([]);
    expect(orderViolations([call("early", 1, { declinedBy: ["a"] }), call("late", 2)], log("late", "early"))).toEqual([]);
  });

  it("counts busy time over signed-in time within the window", () => {
    const log = [
      { agentId: "a", state: "available", callId: null, at: 0 },
      { agentId: "a", state: "offered", callId: "c", at: 10 },
      { agentId: "a", state: "on_call", callId: "c", at: 12 },
      { agentId: "a", state: "wrap_up", callId: null, at: 30 },
      { agentId: "a", state: "offline", callId: null, at: 40 },
    ];
    expect(occupancy(log, 0, 50)).toEqual({ busyMs: 30, signedInMs: 40 });
    expect(occupancy(log, 20, 35)).toEqual({ busyMs: 15, signedInMs: 15 });
  });
});
