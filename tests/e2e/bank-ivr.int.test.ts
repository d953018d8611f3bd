import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { promptsHeard } from "../support/call-prompts";
import { loadFixture, withNodeData } from "../support/fixtures";
import { allowLocalServer, sendJson, startLocalHttpServer, type LocalHttpServer } from "../support/local-http";

const TOKEN = "test-bank-token";
const CARDS: Record<string, { status: string; last4: string; balance: number }> = {
  "4111111111114242": { status: "active", last4: "4242", balance: 1520 },
  "5500000000000007": { status: "blocked", last4: "0007", balance: 0 },
};

const WELCOME = ["tts:Welcome to Example Bank."];
const ASK_CARD = ["tts:Please enter your 16-digit card number, followed by the pound key."];
const GOODBYE = ["tts:Thank you for calling Example Bank. Goodbye."];

describe("bank IVR: card number, HTTP lookup, branch on the answer", () => {
  let stack: DevStack;
  let api: LocalHttpServer;

  beforeAll(async () => {
    api = await startLocalHttpServer((req, res) => {
      const card = /^\/v1\/cards\/(\d+)$/.exec(req.url ?? "")?.[1];
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return sendJson(res, 401, { error: "unauthorized" });
      const found = card ? CARDS[card] : undefined;
      if (!found) return sendJson(res, 404, { error: "no such card" });
      sendJson(res, 200, { data: { card: found } });
    });
    stack = await startDevStack({ simulator: { timeScale: 0.2 }, secrets: { BANK_API_TOKEN: TOKEN }, httpPolicy: allowLocalServer(api, ["BANK_API_TOKEN"]) });
    const graph = withNodeData(loadFixture("bank-ivr"), "lookup_card", { url: `${api.url}/v1/cards/{{card_number}}` });
    await stack.publishFlow(graph, { did: "95588" });
  });
  afterAll(async () => {
    await stack?.stop();
    await api?.close();
  });

  it("reads the balance of an active card, then says goodbye and hangs up", async () => {
    const callId = await stack.placeCall({
      to: "95588",
      from: "13900000001",
      script: "wait prompt; wait prompt; press 4111111111114242# gap 50ms; expect hangup",
    });
    const { status, result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("completed");
    expect(status.hungUpBy).not.toBe("caller");
    expect(await promptsHeard(stack, callId)).toEqual([
      WELCOME,
      ASK_CARD,
      ["tts:Your card ending in", "digits:4242", "tts:is active. Your available balance is", "number:1520", "tts:dollars."],
      GOODBYE,
    ]);
    expect(api.requests.filter((r) => r.url === "/v1/cards/4111111111114242")).toHaveLength(1);

    const execution = await stack.getExecution(callId);
    expect(execution?.outcome).toBe("completed");
    expect(execution?.steps.map((s) => [s.nodeId, s.port, s.input])).toEqual([
      ["start", "next", null],
      ["welcome", "next", null],
      ["ask_card", "next", "4111111111114242#"],
      ["lookup_card", "success", null],
      ["check_status", "condition:0", null],
      ["say_active", "next", null],
      ["goodbye", "next", null],
      ["hangup", null, null],
    ]);
    expect(execution?.steps[2]?.varsChanged).toEqual({ card_number: { before: null, after: "4111111111114242" } });
    expect(execution?.steps[3]?.varsChanged).toEqual({
      card_status: { before: null, after: "active" },
      card_last4: { before: null, after: "4242" },
      card_balance: { before: null, after: 1520 },
      lookup_status: { before: null, after: 200 },
    });
  });

  it("tells the caller a blocked card is blocked", async () => {
    const callId = await stack.placeCall({
      to: "95588",
      from: "13900000002",
      script: "wait prompt; wait prompt; press 5500000000000007#; expect hangup",
    });
    const { result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("completed");
    const prompts = await promptsHeard(stack, callId);
    expect(prompts).toEqual([
      WELCOME,
      ASK_CARD,
      ["tts:Your card ending in", "digits:0007", "tts:is blocked. Please contact your branch."],
      GOODBYE,
    ]);
    const execution = await stack.getExecution(callId);
    expect(execution?.steps.map((s) => s.nodeId)).toEqual([
      "start",
      "welcome",
      "ask_card",
      "lookup_card",
      "check_status",
      "say_inactive",
      "goodbye",
      "hangup",
    ]);
    expect(execution?.steps.find((s) => s.nodeId === "check_status")?.port).toBe("else");
  });

  it("takes the error path when the bank API does not know the card", async () => {
    const callId = await stack.placeCall({
      to: "95588",
      from: "13900000003",
      script: "wait prompt; wait prompt; press 1234567812345678#; expect hangup",
    });
    const { result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("completed");
    const prompts = await promptsHeard(stack, callId);
    expect(prompts.at(-1)).toEqual(["tts:Sorry, we cannot check your card right now. Please try again later."]);
    const lookup = (await stack.getExecution(callId))?.steps.find((s) => s.nodeId === "lookup_card");
    expect(lookup?.port).toBe("error");
    expect(lookup?.error).toMatch(/404/);
  });
});
