import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { createEspeakEngine } from "@/workers/tts/espeak-engine";
import { ttsCacheKey } from "@/workers/tts/tts-cache";

const graph: unknown = JSON.parse(readFileSync(new URL("./fixtures/worker-sigkill.json", import.meta.url), "utf8"));
const PROMPTS = {
  menu: "For billing, press 1.",
  notice: "Thank you. Your account information is being prepared. This will take a few seconds, please stay on the line.",
  billing: "To speak to an agent, press 0.",
  goodbye: "All agents are busy. Goodbye.",
};

/** The worker runs in another process, so prompts are recognised by their content-hash file names. */
const hashToPrompt = new Map(
  Object.entries(PROMPTS).map(([name, text]) => [ttsCacheKey({ engineId: createEspeakEngine().id, voice: undefined, language: "en-US", text }), name]),
);
function promptName(uri: string): string {
  const hash = /\/tts\/([0-9a-f]{64})\.wav$/.exec(uri)?.[1];
  return (hash && hashToPrompt.get(hash)) ?? uri;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("worker killed with SIGKILL in the middle of a call", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ worker: "child-process", simulator: { timeScale: 0.5 } });
    await stack.publishFlow(graph, { did: "4010" });
  });
  afterAll(() => stack?.stop());

  it("continues the call where it was on a restarted worker and completes it", { timeout: 120_000 }, async () => {
    const sim = stack.simulator;
    const first = stack.childWorker;
    if (!sim || !first) throw new Error("needs the simulator and a child-process worker");

    const callId = await stack.placeCall({
      to: "4010",
      from: "13800000002",
      script: "wait prompt; press 1; wait prompt; wait prompt; press 0; expect hangup; timeout 90s",
    });
    // Kill while the notice plays: the menu answer is recorded, the rest of the call is not.
    await until("the notice to start", async () => {
      const started = await sim.control.log({ channelId: callId, kind: "playbackStarted" });
      return started.length >= 2 ? true : undefined;
    });
    // A moment in, so the worker has reported the play command to Temporal; killed between the two,
    // the local activity would run again and the caller would hear the notice twice (at-least-once).
    await new Promise((r) => setTimeout(r, 300));
    const stepsBeforeKill = (await stack.getExecution(callId))?.steps.length ?? 0;
    await first.kill("SIGKILL");
    const finishedAtKill = await sim.control.log({ channelId: callId, kind: "playbackFinished" });
    expect(finishedAtKill.map((e) => promptName(String(e.media)))).toEqual(["menu"]);
    expect(isAlive(first.pid)).toBe(false);
    expect((await sim.control.getCall(callId)).done).toBe(false);

    const second = await stack.startChildWorker();
    expect(second.pid).not.toBe(first.pid);

    const { status, result } = await stack.waitForCall(callId, 60_000);
    expect(result?.outcome).toBe("completed");
    expect(status.hungUpBy).toBe("app");
    expect(status.script?.status).toBe("completed");

    const plays = await sim.control.log({ channelId: callId, kind: "playRequest" });
    const heard = plays.map((entry) => (Array.isArray(entry.media) ? entry.media.map((m) => promptName(String(m))) : []));
    expect(heard).toEqual([["menu"], ["notice"], ["billing"], ["goodbye"]]);

    const execution = await stack.getExecution(callId);
    expect(execution?.outcome).toBe("completed");
    const steps = execution?.steps ?? [];
    expect(stepsBeforeKill).toBeLessThan(steps.length);
    expect(steps.map((s) => s.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps.map((s) => [s.nodeId, s.port, s.input])).toEqual([
      ["start", "next", null],
      ["main_menu", "option:1", "1"],
      ["notice", "next", null],
      ["billing_menu", "option:0", "0"],
      ["goodbye", "next", null],
      ["bye", null, null],
    ]);
    expect(steps[1]?.varsChanged).toEqual({ department: { before: null, after: "1" } });
    expect(steps[3]?.varsChanged).toEqual({ billingChoice: { before: null, after: "0" } });
  });
});
