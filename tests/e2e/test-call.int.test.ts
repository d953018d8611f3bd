import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGraph } from "@/flows-runtime/compiler/compile";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { promptsHeard } from "../support/call-prompts";
import { ivrGraph, tts } from "../support/graph-builder";

function greeting(text: string) {
  return ivrGraph({
    name: "test call",
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      { id: "menu", type: "menu", data: { prompt: [tts(text)], options: [{ key: "1" }], timeoutSeconds: 10, maxRetries: 0 } },
      { id: "thanks", type: "play", data: { media: [tts("thanks")] } },
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "menu"],
      ["menu", "option:1", "thanks"],
      ["menu", "timeout", "bye"],
      ["menu", "invalid", "bye"],
      ["thanks", "next", "bye"],
    ],
  });
}

describe("a designer test call runs the draft snapshot, not the live version", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 0.2 } });
  });
  afterAll(() => stack?.stop());

  it("plays the draft's prompts, records the execution against the snapshot and leaves live calls alone", async () => {
    const live = await stack.publishFlow(greeting("live version"), { did: "6101" });
    const draft = greeting("draft version");
    const compiled = compileGraph(draft);
    if (!compiled.ok) throw new Error("draft does not compile");
    const snapshot = await stack.prisma.testCallPlan.create({
      data: { flowId: live.flowId, plan: JSON.parse(JSON.stringify(compiled.plan)), graph: JSON.parse(JSON.stringify(draft)) },
    });

    const testCall = await stack.placeCall({ to: "test", from: "designer", args: ["test", snapshot.id], script: "wait prompt; press 1; expect hangup" });
    expect((await stack.waitForCall(testCall)).result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, testCall)).toEqual([["tts:draft version"], ["tts:thanks"]]);
    const execution = await stack.getExecution(testCall);
    expect(execution).toMatchObject({ flowId: live.flowId, flowVersionId: null, testCallPlanId: snapshot.id });
    expect(execution?.steps.map((s) => [s.nodeId, s.port, s.input])).toEqual([
      ["start", "next", null],
      ["menu", "option:1", "1"],
      ["thanks", "next", null],
      ["bye", null, null],
    ]);

    const realCall = await stack.placeCall({ to: "6101", from: "100", script: "wait prompt; press 1; expect hangup" });
    expect((await stack.waitForCall(realCall)).result?.outcome).toBe("completed");
    expect((await promptsHeard(stack, realCall))[0]).toEqual(["tts:live version"]);
    expect((await stack.getExecution(realCall))?.flowVersionId).toBe(live.versionId);
  });
});
