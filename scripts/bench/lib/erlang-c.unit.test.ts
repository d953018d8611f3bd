import { describe, expect, it } from "vitest";
import { erlangC, erlangCWaitProbability } from "./erlang-c";

describe("Erlang C", () => {
  it("equals the closed form on small cases (M/M/1: ρ; 2 agents, 1 erlang: 1/3; 3 agents, 2 erlangs: 4/9)", () => {
    expect(erlangCWaitProbability(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(erlangCWaitProbability(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangCWaitProbability(3, 2)).toBeCloseTo(4 / 9, 12);
  });

  it("gives the textbook call-centre example: 100 calls in 30 minutes, 180 s handling, 14 agents, 80/20", () => {
    // 10 erlangs on 14 agents: wait probability 17.41 %, 88.84 % within 20 s, 7.8 s average wait, 71.4 % occupancy.
    const p = erlangC(14, (100 / 1800) * 180, 180, 20);
    expect(p.waitProbability).toBeCloseTo(0.1741, 4);
    expect(p.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(p.averageWait).toBeCloseTo(7.8, 1);
    expect(p.occupancy).toBeCloseTo(0.714, 3);
    // One agent fewer: 28.53 % wait, 79.56 % within 20 s.
    expect(erlangC(13, 10, 180, 20).serviceLevel).toBeCloseTo(0.7956, 4);
  });

  it("predicts an unbounded queue when the load reaches the agents, and refuses nonsense", () => {
    expect(erlangC(10, 10, 180, 20)).toMatchObject({ waitProbability: 1, serviceLevel: 0, averageWait: Number.POSITIVE_INFINITY });
    expect(() => erlangCWaitProbability(0, 1)).toThrow(/positive integer/);
    expect(() => erlangCWaitProbability(3, -1)).toThrow(/negative/);
  });
});
