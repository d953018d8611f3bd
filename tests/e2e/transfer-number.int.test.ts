import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { logOf, promptsHeard } from "../support/call-prompts";
import { ivrGraph, tts } from "../support/graph-builder";

function transferTo(number: string) {
  return ivrGraph({
    name: `transfer to ${number}`,
    nodes: [
      { id: "start", type: "start", data: { defaultLanguage: "en-US" } },
      { id: "transfer", type: "transfer", data: { target: { kind: "number", number, timeoutSeconds: 10 } } },
      { id: "busy", type: "play", data: { media: [tts("Nobody can take your call.")] } },
      { id: "bye", type: "hangup" },
    ],
    edges: [
      ["start", "next", "transfer"],
      ["transfer", "failed", "busy"],
      ["busy", "next", "bye"],
    ],
  });
}

async function until<T>(what: string, find: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("transfer to a phone number: originate, bridge, tear down", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 0.2, busyNumbers: ["2002"] }, outboundTrunk: "carrier" });
    await stack.publishFlow(transferTo("2001"), { did: "8001" });
    await stack.publishFlow(transferTo("2002"), { did: "8002" });
  });
  afterAll(() => stack?.stop());

  /** The transfer leg once it is in the mixing bridge with the caller. */
  async function bridgedLeg(callId: string): Promise<string> {
    const sim = stack.simulator;
    if (!sim) throw new Error("needs the simulator");
    const originate = await until("the originate", async () => (await sim.control.log({ kind: "originate" })).find((e) => e.appArgs === `transfer-leg,${callId}`));
    expect(originate.endpoint).toBe("PJSIP/2001@carrier");
    const legId = String(originate.channelId);
    await until("the leg to join the bridge", async () => (await sim.control.log({ channelId: legId, kind: "bridgeEnter" }))[0]);
    return legId;
  }

  it("bridges the answered leg, ends the flow as transferred, and hangs up the caller when the agent hangs up", async () => {
    const callId = await stack.placeCall({ to: "8001", from: "100", script: "expect hangup; timeout 30s" });
    const legId = await bridgedLeg(callId);
    await stack.simulator?.control.hangup(legId);
    const { result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("transferred");
    expect(await logOf(stack, callId, "hangupRequest")).toHaveLength(1);
    const execution = await stack.getExecution(callId);
    expect(execution?.outcome).toBe("transferred");
    expect(execution?.handover).toMatchObject({ kind: "number", target: "2001", legChannelId: legId });
    expect(execution?.steps.map((s) => [s.nodeId, s.port])).toEqual([
      ["start", "next"],
      ["transfer", null],
    ]);
    const bridgeId = (await logOf(stack, callId, "bridgeEnter"))[0]?.bridgeId;
    expect(bridgeId).toBeDefined();
    const destroyed = await stack.simulator?.control.log({ kind: "bridgeDestroy" });
    expect(destroyed?.some((e) => e.bridgeId === bridgeId)).toBe(true);
  });

  it("hangs up the agent's leg when the caller hangs up during the bridged call", async () => {
    const callId = await stack.placeCall({ to: "8001", from: "100", script: "expect hangup; timeout 30s" });
    const legId = await bridgedLeg(callId);
    await stack.simulator?.control.hangup(callId);
    const { result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("transferred");
    await until("the leg to be hung up", async () => (await logOf(stack, legId, "hangupRequest"))[0]);
  });

  it("takes the failed port when the number is busy", async () => {
    const callId = await stack.placeCall({ to: "8002", from: "100", script: "expect hangup" });
    const { result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("completed");
    expect(await promptsHeard(stack, callId)).toEqual([["tts:Nobody can take your call."]]);
    const transfer = (await stack.getExecution(callId))?.steps.find((s) => s.nodeId === "transfer");
    expect(transfer?.port).toBe("failed");
    expect(transfer?.error).toMatch(/busy/i);
  });
});
