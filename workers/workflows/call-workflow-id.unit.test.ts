import { describe, expect, it } from "vitest";
import { attemptOfChannel, channelIdOfAttempt } from "../campaigns/campaign-ids";
import { callOfWorkflowId, callWorkflowId } from "./call-workflow-id";

describe("call workflow ids across several Asterisk servers", () => {
  it("keeps call-<channel> for the default Asterisk and names any other one", () => {
    expect(callWorkflowId("1764633600.7")).toBe("call-1764633600.7");
    expect(callWorkflowId("1764633600.7", "default")).toBe("call-1764633600.7");
    expect(callWorkflowId("1764633600.7", "east")).toBe("call@east:1764633600.7");
  });

  it("gives a campaign's channel to its attempt's workflow, whose id is the attempt id", () => {
    expect(callWorkflowId(channelIdOfAttempt("camp1:contact1:3"))).toBe("camp1:contact1:3");
    expect(attemptOfChannel("cmp~")).toBeNull();
    expect(attemptOfChannel("1764633600.7")).toBeNull();
  });

  it("never gives two calls one id, even for channel ids built to look like another server's", () => {
    const calls = [
      ["default", "1764633600.7"],
      ["east", "1764633600.7"],
      ["west", "1764633600.7"],
      ["default", "@east:1764633600.7"],
      ["default", "east:1764633600.7"],
      ["east", "west:1764633600.7"],
    ];
    const ids = calls.map(([asterisk, channel]) => callWorkflowId(channel ?? "", asterisk));
    expect(new Set(ids).size).toBe(calls.length);
    for (const [i, id] of ids.entries()) {
      expect(callOfWorkflowId(id)).toEqual({ asteriskId: calls[i]?.[0], channelId: calls[i]?.[1] });
    }
  });

  it("is not fooled by workflow ids that are not calls'", () => {
    expect(callOfWorkflowId("bench-1")).toBeNull();
    expect(callOfWorkflowId("call@East:1.1")).toBeNull();
    expect(callOfWorkflowId("call@east:")).toBeNull();
  });
});
