import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { promptsHeard } from "../support/call-prompts";
import { ivrGraph, tts } from "../support/graph-builder";

function subflow(version: string) {
  return ivrGraph({
    name: "shared goodbye",
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      { id: "say", type: "play", data: { media: [tts(`subflow ${version}`)] } },
    ],
    edges: [["start", "next", "say"]],
  });
}

function mainFlow(version: string, subflowId: string) {
  return ivrGraph({
    name: "pinned main",
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      { id: "menu", type: "menu", data: { prompt: [tts(`main ${version}: press 1`)], options: [{ key: "1" }], timeoutSeconds: 20, maxRetries: 0 } },
      { id: "sub", type: "subflow", data: { flowId: subflowId } },
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "menu"],
      ["menu", "option:1", "sub"],
      ["menu", "timeout", "bye"],
      ["menu", "invalid", "bye"],
      ["sub", "next", "bye"],
    ],
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a running call stays on the versions it started with", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 0.2 } });
  });
  afterAll(() => stack?.stop());

  it("finishes on v1 (flow and subflow) while v2 is published; the next call gets v2", async () => {
    const sub = await stack.publishFlow(subflow("one"));
    const v1 = await stack.publishFlow(mainFlow("one", sub.flowId), { did: "6001" });

    // The caller waits at the menu until the test has published v2 of both flows.
    const first = await stack.placeCall({ to: "6001", from: "100", script: "wait prompt; wait 2s; press 1; expect hangup" });
    await until("the first call to reach the menu", async () => (await promptsHeard(stack, first)).length > 0);
    const sub2 = await stack.publishFlow(subflow("two"), { flowId: sub.flowId });
    const v2 = await stack.publishFlow(mainFlow("two", sub.flowId), { flowId: v1.flowId });
    expect([sub2.number, v2.number]).toEqual([2, 2]);

    const firstCall = await stack.waitForCall(first);
    expect(firstCall.result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, first)).toEqual([["tts:main one: press 1"], ["tts:subflow one"]]);
    const firstExecution = await stack.getExecution(first);
    expect(firstExecution?.flowVersionId).toBe(v1.versionId);
    expect(firstExecution?.steps.map((s) => s.nodeId)).toEqual([
      "start",
      "menu",
      `${sub.flowId}:start`,
      `${sub.flowId}:say`,
      "sub",
      "bye",
    ]);

    const second = await stack.placeCall({ to: "6001", from: "100", script: "wait prompt; press 1; expect hangup" });
    const secondCall = await stack.waitForCall(second);
    expect(secondCall.result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, second)).toEqual([["tts:main two: press 1"], ["tts:subflow two"]]);
    expect((await stack.getExecution(second))?.flowVersionId).toBe(v2.versionId);
  });
});
