import { describe, expect, it } from "vitest";
import { compileNode, executeNode } from "../../testing/node-harness";
import { setOutcomeSchema } from "./schema";

describe("set-outcome node", () => {
  it("writes the outcome to the contact", async () => {
    expect(compileNode("set-outcome", { outcome: "cancelled" }).compiled).toEqual({ outcome: "cancelled" });
    const { result, effects } = await executeNode("set-outcome", { outcome: "agent-requested" }, { script: { campaign: true } });
    expect(result).toEqual({ port: "next" });
    expect(effects.campaignWrites).toEqual([{ kind: "outcome", outcome: "agent-requested" }]);
  });

  it("takes a word of the marketer's own, in any script, but no spaces or empty", () => {
    expect(setOutcomeSchema.safeParse({ outcome: "已确认" }).success).toBe(true);
    expect(setOutcomeSchema.safeParse({ outcome: "" }).error?.issues[0]?.message).toBe("must not be empty");
    expect(setOutcomeSchema.safeParse({ outcome: "two words" }).error?.issues[0]?.message).toMatch(/no spaces/);
  });

  it("outside a campaign call writes nothing and says so", async () => {
    const { result, effects } = await executeNode("set-outcome", { outcome: "confirmed" });
    expect(result).toMatchObject({ port: "next", error: expect.stringContaining("not a campaign call") });
    expect(effects.campaignWrites).toEqual([]);
  });
});
