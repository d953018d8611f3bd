import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { ScriptedRouting } from "../../testing/scripted-routing";
import { widenSchema } from "./schema";

describe("widen node", () => {
  it("defaults to no change and warns about it", () => {
    expect(widenSchema.parse({})).toEqual({ minProficiency: null, queue: "", waitSeconds: 60 });
    expect(nodeIssues("widen", {}, { kind: "routing" }).map((issue) => [issue.code, issue.severity, issue.message])).toEqual([
      ["widen-nothing", "warning", 'Widen "Test node" changes nothing: set a lower minimum proficiency or a second queue'],
    ]);
    expect(nodeIssues("widen", { queue: "billing" }, { kind: "routing" }, { knownQueues: ["after-sales"] }).map((issue) => issue.code)).toEqual(["unknown-queue"]);
    expect(nodeIssues("widen", { minProficiency: 0 }, { kind: "routing" }).map((issue) => issue.code)).toEqual(["setting-too-small"]);
  });

  it("compiles an empty queue to none", () => {
    expect(compileNode("widen", { minProficiency: 2 }).compiled).toEqual({ minProficiency: 2, queue: null, waitSeconds: 60 });
  });

  it("widens in place, then waits again", async () => {
    const routing = new ScriptedRouting({ waits: ["timeout"] });
    const { result } = await executeNode("widen", { minProficiency: 1, queue: "billing", waitSeconds: 30 }, { routing });
    expect(result).toEqual({ port: "timeout" });
    expect(routing.calls).toEqual([{ kind: "widen", widening: { minProficiency: 1, addQueue: "billing" } }, { kind: "wait", seconds: 30 }]);
    const answered = await executeNode("widen", { minProficiency: 1 }, { routing: new ScriptedRouting({ waits: ["answered"] }) });
    expect(answered.result).toEqual({ end: "transferred" });
  });
});
