import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { hangupDefinition } from "./definition";

describe("hangup node", () => {
  it("has no settings and no exits", () => {
    expect(hangupDefinition.defaults()).toEqual({});
    expect(hangupDefinition.ports({})).toEqual([]);
    expect(hangupDefinition.endsCall).toBe(true);
    expect(compileNode("hangup", { ignored: true }).compiled).toEqual({});
    expect(nodeIssues("hangup", {})).toEqual([]);
  });

  it("hangs up and ends the call as completed", async () => {
    const { result, effects } = await executeNode("hangup", {});
    expect(result).toEqual({ end: "completed" });
    expect(effects.hungUp).toBe("flow");
    expect(effects.calls.map((call) => call.effect)).toEqual(["hangup"]);
  });
});
