import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { logOf } from "../support/call-prompts";
import { ivrGraph, tts } from "../support/graph-builder";

/** A recording whose RecordingFinished is lost: the workflow asks ARI at its maximum duration + 5 s and goes on. */
describe("a voicemail whose RecordingFinished is lost", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 0.2 } });
    await stack.publishFlow(
      ivrGraph({
        name: "voicemail",
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
          { id: "voicemail", type: "record", data: { maxDurationSeconds: 2, beep: false, maxSilenceSeconds: 0, terminateOn: null } },
          { id: "thanks", type: "play", data: { media: [tts("Thank you.")] } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "voicemail"],
          ["voicemail", "next", "thanks"],
          ["thanks", "next", "bye"],
        ],
      }),
      { did: "4750" },
    );
  });
  afterAll(() => stack?.stop());

  it("keeps the recording and ends as the flow says, within the recording's bound", { timeout: 120_000 }, async () => {
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");
    await sim.control.dropEvents({ types: ["RecordingFinished"] });
    try {
      const callId = await stack.placeCall({ to: "4750", from: "13800000500", script: "talk 5s; expect hangup; timeout 60s" });
      const { status, result } = await stack.waitForCall(callId, 60_000);
      expect(result?.outcome).toBe("completed");
      expect(status.hungUpBy).toBe("app");
      const execution = await stack.getExecution(callId);
      expect(execution?.steps.map((s) => s.nodeId)).toEqual(["start", "voicemail", "thanks", "bye"]);
      const [record] = await logOf(stack, callId, "record");
      expect(execution?.recordings.map((r) => r.name)).toEqual([record?.name]);

      const [finished] = await logOf(stack, callId, "recordingFinished");
      expect(finished?.sent).toBeNull();
      const [thanks] = await logOf(stack, callId, "playRequest");
      const silence = (thanks?.t ?? Infinity) - (finished?.t ?? 0);
      console.log("silence after a lost RecordingFinished (ms):", Math.round(silence));
      // Asked at 2 s + 5 s after the recording started.
      expect(silence).toBeLessThan(9_000);
    } finally {
      await sim.control.clearFaults();
    }
  });
});
