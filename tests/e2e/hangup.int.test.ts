import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { logOf } from "../support/call-prompts";
import { loadFixture, withNodeData } from "../support/fixtures";
import { ivrGraph, sound } from "../support/graph-builder";
import { allowLocalServer, sendJson, startLocalHttpServer, type LocalHttpServer } from "../support/local-http";

/** The caller hangs up; the workflow must end at once, cleanly, and the trace must say where. */
describe("caller hangs up", () => {
  let stack: DevStack;
  let slowApi: LocalHttpServer;
  const pendingResponses: (() => void)[] = [];

  beforeAll(async () => {
    // Answers only when the test lets it (or never): a request the hangup must abandon.
    slowApi = await startLocalHttpServer(
      (_req, res) => new Promise<void>((resolve) => pendingResponses.push(() => {
        sendJson(res, 200, { data: { card: { status: "active", last4: "4242", balance: 1 } } });
        resolve();
      })),
    );
    stack = await startDevStack({ simulator: { timeScale: 0.2 }, secrets: { BANK_API_TOKEN: "t" }, httpPolicy: allowLocalServer(slowApi, ["BANK_API_TOKEN"]) });
    await stack.publishFlow(
      ivrGraph({
        name: "long prompt",
        nodes: [
          { id: "start", type: "start" },
          { id: "monkeys", type: "play", data: { media: [sound("tt-monkeys")] } },
          { id: "bye", type: "hangup" },
        ],
        edges: [
          ["start", "next", "monkeys"],
          ["monkeys", "next", "bye"],
        ],
      }),
      { did: "5001" },
    );
    const bank = withNodeData(loadFixture("bank-ivr"), "lookup_card", { url: `${slowApi.url}/v1/cards/{{card_number}}`, timeoutSeconds: 30 });
    await stack.publishFlow(bank, { did: "5002" });
  });
  afterAll(async () => {
    for (const respond of pendingResponses) respond();
    await stack?.stop();
    await slowApi?.close();
  });

  async function expectCleanHangup(callId: string, nodeId: string) {
    const { status, result } = await stack.waitForCall(callId);
    expect(status.hungUpBy).toBe("caller");
    expect(result?.outcome).toBe("caller-hangup");
    const execution = await stack.getExecution(callId);
    expect(execution?.outcome).toBe("caller-hangup");
    expect(execution?.endedAt).not.toBeNull();
    expect(execution?.lastNodeId).toBe(nodeId);
    const last = execution?.steps.at(-1);
    expect(last).toMatchObject({ nodeId, port: null, error: "hangup" });
    // The channel was already gone: the workflow must not try to hang it up again.
    expect(await logOf(stack, callId, "hangupRequest")).toEqual([]);
    return execution;
  }

  it("an unknown number hears ss-noservice and is hung up, with no workflow", async () => {
    const callId = await stack.placeCall({ to: "5999", from: "100", script: "expect hangup" });
    const { status, result } = await stack.waitForCall(callId);
    expect(result).toBeNull();
    expect(status.hungUpBy).not.toBe("caller");
    const played = await logOf(stack, callId, "playRequest");
    expect(played.map((e) => e.media)).toEqual([["sound:ss-noservice"]]);
    const hangups = await logOf(stack, callId, "hangupRequest");
    expect(hangups).toHaveLength(1);
    // Right after the announcement (it fails at once here: the simulator has no such sound), not after the fallback timer.
    expect((hangups[0]?.t ?? Infinity) - (played[0]?.t ?? 0)).toBeLessThan(2_000);
    expect(await stack.getExecution(callId)).toBeNull();
  });

  it("during a playback", async () => {
    const callId = await stack.placeCall({ to: "5001", from: "100", script: "wait prompt; wait 2s; hangup" });
    const execution = await expectCleanHangup(callId, "monkeys");
    expect(execution?.steps.map((s) => s.nodeId)).toEqual(["start", "monkeys"]);
  });

  it("during digit collection", async () => {
    const callId = await stack.placeCall({ to: "5002", from: "100", script: "wait prompt; wait prompt; press 4111 gap 100ms; wait 1s; hangup" });
    const execution = await expectCleanHangup(callId, "ask_card");
    expect(execution?.steps.map((s) => s.nodeId)).toEqual(["start", "welcome", "ask_card"]);
  });

  it("during an HTTP request, without waiting for the answer", async () => {
    const requestsBefore = slowApi.requests.length;
    const callId = await stack.placeCall({
      to: "5002",
      from: "100",
      script: "wait prompt; wait prompt; press 4111111111114242#; wait 2s; hangup",
    });
    const startedWaiting = Date.now();
    const execution = await expectCleanHangup(callId, "lookup_card");
    // The API never answered; the call still ended well within the request's 30 s timeout.
    expect(Date.now() - startedWaiting).toBeLessThan(15_000);
    expect(slowApi.requests.length).toBe(requestsBefore + 1);
    expect(execution?.steps.map((s) => s.nodeId)).toEqual(["start", "welcome", "ask_card", "lookup_card"]);
  });
});
