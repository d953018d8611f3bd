import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { ivrGraph, sound, tts } from "../support/graph-builder";
import { until } from "../support/until";

/**
 * A worker killed after ARI carried out a command but before the worker learned it: the local
 * activity runs again on the next worker. The caller must still be answered once and hear each
 * prompt once. The simulator holds the answer back (fault hook) to keep that window open.
 */
describe("a worker killed while an ARI command's answer is on its way", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ worker: "child-process", simulator: { timeScale: 0.5 } });
    await stack.publishFlow(
      ivrGraph({
        name: "notice and goodbye",
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
          // 16 s at this time scale: still playing when the next worker runs the step again (it starts
          // in 2–9 s under load; the dead worker's workflow task times out 2 s after it started), so the
          // play activity itself must notice. 8 s was too short under load: the prompt had ended, and a
          // retry that runs the play before it sees the PlaybackFinished plays it again (README).
          { id: "notice", type: "play", data: { media: [sound("tt-monkeys"), sound("tt-monkeys")] } },
          { id: "goodbye", type: "play", data: { media: [tts("Goodbye.")] } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "notice"],
          ["notice", "next", "goodbye"],
          ["goodbye", "next", "bye"],
        ],
      }),
      { did: "4800" },
    );
  });
  afterEach(() => stack.simulator?.control.clearFaults());
  afterAll(() => stack?.stop());

  async function crashDuring(kind: "answer" | "playRequest", path: string): Promise<string> {
    const sim = stack.simulator;
    const worker = stack.childWorker;
    if (!sim || !worker) throw new Error("needs the simulator and a child-process worker");
    await sim.control.delayResponses({ method: "POST", path, ms: 4_000, count: 1 });
    const callId = await stack.placeCall({ to: "4800", from: "13800000400", script: "expect hangup; timeout 100s" });
    await until(`the ${kind} to reach ARI`, async () => ((await sim.control.log({ channelId: callId, kind })).length > 0 ? true : undefined));
    await worker.kill("SIGKILL");
    await stack.startChildWorker();
    const { status, result } = await stack.waitForCall(callId, 90_000);
    expect(result?.outcome).toBe("completed");
    expect(status.hungUpBy).toBe("app");
    return callId;
  }

  it("answers once", { timeout: 150_000 }, async () => {
    const callId = await crashDuring("answer", "^/channels/[^/]+/answer$");
    expect(await stack.simulator?.control.log({ channelId: callId, kind: "answer" })).toHaveLength(1);
  });

  it("plays the prompt once", { timeout: 150_000 }, async () => {
    const callId = await crashDuring("playRequest", "^/channels/[^/]+/play/");
    const plays = (await stack.simulator?.control.log({ channelId: callId, kind: "playRequest" })) ?? [];
    expect(plays.map((p) => p.media)).toEqual([["sound:tt-monkeys", "sound:tt-monkeys"], [expect.stringMatching(/^sound:http/)]]);
    expect((await stack.getExecution(callId))?.steps.map((s) => s.nodeId)).toEqual(["start", "notice", "goodbye", "bye"]);
  });
});
