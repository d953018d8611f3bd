import { describe, expect, it } from "vitest";
import { compileNode, executeNode } from "../../testing/node-harness";

describe("opt-out node", () => {
  it("adds the number to every campaign's do-not-call list by default, or to this campaign's", async () => {
    expect(compileNode("opt-out", {}).compiled).toEqual({ scope: "all" });
    const all = await executeNode("opt-out", {}, { script: { campaign: true } });
    expect(all.result).toEqual({ port: "next" });
    expect(all.effects.campaignWrites).toEqual([{ kind: "opt-out", scope: "all" }]);
    const one = await executeNode("opt-out", { scope: "campaign" }, { script: { campaign: true } });
    expect(one.effects.campaignWrites).toEqual([{ kind: "opt-out", scope: "campaign" }]);
  });

  it("outside a campaign call writes nothing and says so", async () => {
    const { result, effects } = await executeNode("opt-out", {});
    expect(result).toEqual({ port: "next", error: expect.stringContaining("not a campaign call") });
    expect(effects.campaignWrites).toEqual([]);
  });
});
