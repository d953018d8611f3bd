import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { ivrGraph, sound, tts } from "../support/graph-builder";
import { until } from "../support/until";

/**
 * The trace is written in few batches (BatchedTrace), not at every prompt: the call log must still
 * show a call while it runs, a few seconds behind it, and the whole trace once it ends.
 */
describe("call trace while the call runs", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 1 } });
    await stack.publishFlow(
      ivrGraph({
        name: "long prompt",
        nodes: [
          { id: "start", type: "start" },
          { id: "welcome", type: "play", data: { media: [tts("Welcome.")] } },
          // tt-monkeys plays 16 s: the call is still on this prompt when the first batch is written.
          { id: "monkeys", type: "play", data: { media: [sound("tt-monkeys")] } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "welcome"],
          ["welcome", "next", "monkeys"],
          ["monkeys", "next", "bye"],
        ],
      }),
      { did: "5301" },
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("shows the call and its steps so far within seconds, before it ends; everything once it has ended", { timeout: 120_000 }, async () => {
    const callId = await stack.placeCall({ to: "5301", from: "1390000", script: "wait prompt; wait prompt end; wait prompt; expect hangup; timeout 60s" });
    const running = await until("the call's first steps in the database", async () => {
      const execution = await stack.getExecution(callId);
      return execution && execution.steps.length >= 2 ? execution : undefined;
    }, 30_000);
    expect(running.endedAt).toBeNull();
    expect(running.outcome).toBeNull();
    // Written while the caller still hears the 16 s prompt.
    expect(running.steps.map((s) => s.nodeId)).toEqual(["start", "welcome"]);

    const { result } = await stack.waitForCall(callId, 60_000);
    expect(result?.outcome).toBe("completed");
    const ended = await stack.getExecution(callId);
    expect(ended?.endedAt).not.toBeNull();
    expect(ended?.steps.map((s) => [s.seq, s.nodeId])).toEqual([
      [1, "start"],
      [2, "welcome"],
      [3, "monkeys"],
      [4, "bye"],
    ]);
  });
});
