import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { callWorkflowId, dtmfSignal, playbackFinishedSignal } from "@/workers/workflows/signals";
import { ivrGraph, sound, tts } from "../support/graph-builder";

/**
 * On a real Asterisk callers pressed "0" 57–230 ms after a non-interruptible prompt's
 * PlaybackFinished; the workflow saw both signals in one activation. Whether the key counts must
 * follow the order of the events, not the activation. To put both signals into one activation,
 * they are sent while no worker runs (killed after the prompt started), then a worker starts.
 */
describe("a key pressed right after a non-interruptible prompt", () => {
  let stack: DevStack;

  beforeAll(async () => {
    stack = await startDevStack({ worker: "child-process", simulator: { timeScale: 0.3 } });
    await stack.publishFlow(
      ivrGraph({
        name: "notice then menu",
        nodes: [
          { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
          { id: "notice", type: "play", data: { media: [sound("tt-monkeys")], bargeIn: false } },
          {
            id: "menu",
            type: "menu",
            data: { prompt: [tts("For an agent, press 0.")], options: [{ key: "0" }], timeoutSeconds: 3, maxRetries: 0 },
          },
          { id: "agent", type: "play", data: { media: [tts("Connecting you.")] } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "notice"],
          ["notice", "next", "menu"],
          ["menu", "option:0", "agent"],
          ["menu", "timeout", "bye"],
          ["menu", "invalid", "bye"],
          ["agent", "next", "bye"],
        ],
      }),
      { did: "4400" },
    );
  });
  afterAll(() => stack?.stop());

  async function runWithSignals(order: "finished-then-digit" | "digit-then-finished") {
    const sim = stack.simulator;
    const worker = stack.childWorker;
    if (!sim || !worker) throw new Error("needs the simulator and a child-process worker");
    // The simulator's own PlaybackFinished of the notice is withheld: this test sends it.
    await sim.control.dropEvents({ types: ["PlaybackFinished"], count: 1 });
    const callId = await stack.placeCall({ to: "4400", from: "13800000009", script: "expect hangup; timeout 90s" });

    const deadline = Date.now() + 30_000;
    let playbackId: string | undefined;
    while (playbackId === undefined && Date.now() < deadline) {
      const [play] = await sim.control.log({ channelId: callId, kind: "playRequest" });
      if (typeof play?.playbackId === "string") playbackId = play.playbackId;
      else await new Promise((r) => setTimeout(r, 25));
    }
    if (playbackId === undefined) throw new Error("the notice was never requested");
    // Let the workflow task that asked for the notice complete before the worker goes.
    await new Promise((r) => setTimeout(r, 500));
    await worker.kill("SIGKILL");

    const handle = stack.temporal.client.workflow.getHandle(callWorkflowId(callId));
    const finished = () => handle.signal(playbackFinishedSignal, { playbackId, state: "done" });
    const digit = () => handle.signal(dtmfSignal, { digit: "0", durationMs: 100 });
    if (order === "finished-then-digit") {
      await finished();
      await digit();
    } else {
      await digit();
      await finished();
    }
    await stack.startChildWorker();

    const { result } = await stack.waitForCall(callId, 60_000);
    const execution = await stack.getExecution(callId);
    return { result, steps: execution?.steps.map((s) => [s.nodeId, s.port, s.input]) ?? [] };
  }

  it("counts a key whose event came after the prompt's end, even in the same activation", { timeout: 150_000 }, async () => {
    const { result, steps } = await runWithSignals("finished-then-digit");
    expect(result?.outcome).toBe("completed");
    expect(steps).toEqual([
      ["start", "next", null],
      ["notice", "next", null],
      ["menu", "option:0", "0"],
      ["agent", "next", null],
      ["bye", null, null],
    ]);
  });

  it("discards a key whose event came before the prompt's end, even in the same activation", { timeout: 150_000 }, async () => {
    const { result, steps } = await runWithSignals("digit-then-finished");
    expect(result?.outcome).toBe("completed");
    expect(steps).toEqual([
      ["start", "next", null],
      ["notice", "next", null],
      ["menu", "timeout", null],
      ["bye", null, null],
    ]);
  });
});
