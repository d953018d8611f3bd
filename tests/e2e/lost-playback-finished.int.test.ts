import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { logOf } from "../support/call-prompts";
import { ivrGraph, sound, tts } from "../support/graph-builder";

/**
 * No wait in the workflow is unbounded: with every PlaybackFinished lost (and no reconnect that
 * would make the bridge reconcile), the workflow asks ARI itself once a prompt's known length plus
 * a margin has passed (TTS), or every few seconds when the length is unknown (a sound file).
 */
describe("every PlaybackFinished of a call lost, the bridge connected all along", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 0.2 } });
    await stack.publishFlow(
      ivrGraph({
        name: "two prompts",
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
          { id: "welcome", type: "play", data: { media: [tts("Welcome to Example Telecom.")] } },
          { id: "hello", type: "play", data: { media: [sound("hello-world")] } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "welcome"],
          ["welcome", "next", "hello"],
          ["hello", "next", "bye"],
        ],
      }),
      { did: "4700" },
    );
  });
  afterAll(() => stack?.stop());

  it("the call still plays every prompt and ends as the flow says, each silence bounded", { timeout: 120_000 }, async () => {
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");
    await sim.control.dropEvents({ types: ["PlaybackFinished"] });
    try {
      const callId = await stack.placeCall({ to: "4700", from: "13800000300", script: "expect hangup; timeout 60s" });
      const { status, result } = await stack.waitForCall(callId, 60_000);
      expect(result?.outcome).toBe("completed");
      expect(status.hungUpBy).toBe("app");
      const execution = await stack.getExecution(callId);
      expect(execution?.steps.map((s) => s.nodeId)).toEqual(["start", "welcome", "hello", "bye"]);

      const finished = await logOf(stack, callId, "playbackFinished");
      expect(finished.map((e) => e.sent)).toEqual([null, null]);
      const plays = await logOf(stack, callId, "playRequest");
      const hangup = (await logOf(stack, callId, "hangupRequest"))[0];
      if (!hangup) throw new Error("the flow never hung up");
      // Welcome (TTS, about 1.6 s): asked at its length + 2 s. hello-world (unknown length): asked after 5 s.
      const welcomeSilence = (plays[1]?.t ?? Infinity) - (finished[0]?.t ?? 0);
      const helloSilence = hangup.t - (finished[1]?.t ?? 0);
      console.log("silence after a lost PlaybackFinished (ms): TTS", Math.round(welcomeSilence), "sound", Math.round(helloSilence));
      expect(welcomeSilence).toBeLessThan(6_000);
      expect(helloSilence).toBeLessThan(7_000);
    } finally {
      await sim.control.clearFaults();
    }
  });
});
