import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { logOf, promptsHeard } from "../support/call-prompts";

const graph = JSON.parse(readFileSync(new URL("../../flows-runtime/fixtures/menu-retries-transfer.json", import.meta.url), "utf8"));
const MENU = "tts:For sales, press 1. For support, press 2.";
const INVALID = "tts:That is not a valid choice.";

describe("menu with invalid input and retries, ending in a queue transfer", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ simulator: { timeScale: 0.2 } });
    await stack.publishFlow(graph, { did: "4000" });
  });
  afterAll(() => stack?.stop());

  it("retries after an invalid key, then continues into cc-queues with the queue variables", async () => {
    const callId = await stack.placeCall({
      to: "4000",
      from: "13800000001",
      script: "wait prompt; press 9; wait prompt; wait prompt; press 2; expect end; wait 30s",
    });
    const { status, result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("transferred");
    expect(status.continuedTo).toEqual({ context: "cc-queues", exten: "support", priority: 1 });
    expect(await promptsHeard(stack, callId)).toEqual([[MENU], [INVALID], [MENU]]);
    const vars = (await logOf(stack, callId, "setVariable")).map((e) => [e.variable, e.value]);
    expect(vars).toEqual([
      ["CC_QUEUE", "support"],
      ["CC_PRIORITY", "6"],
      ["CC_SKILLS", ""],
    ]);

    const execution = await stack.getExecution(callId);
    expect(execution?.outcome).toBe("transferred");
    expect(execution?.handover).toEqual({ kind: "queue", queue: "support", priority: 6, skills: [], context: "cc-queues" });
    expect(execution?.steps.map((s) => [s.seq, s.nodeId, s.port, s.input])).toEqual([
      [1, "start", "next", null],
      [2, "main_menu", "option:2", "92"],
      [3, "to_support", null, null],
    ]);
    expect(execution?.steps[0]?.varsChanged).toEqual({ "call.language": { before: "", after: "en-US" } });
    expect(execution?.steps[2]?.detail).toEqual({ handover: execution?.handover });
    expect(execution?.lastNodeId).toBe("to_support");
  });
});

describe("a queue transfer on an Asterisk without the cc-queues context", () => {
  let stack: DevStack;
  beforeAll(async () => {
    // The dialplan of an Asterisk that was not given the README's [cc-queues] lines.
    stack = await startDevStack({ simulator: { timeScale: 0.2, dialplan: {} } });
    await stack.publishFlow(graph, { did: "4000" });
  });
  afterAll(() => stack?.stop());

  it("the dialplan drops the caller at once, and the trace says the transfer failed", async () => {
    const callId = await stack.placeCall({
      to: "4000",
      from: "13800000002",
      script: "wait prompt; press 9; wait prompt; wait prompt; press 2; expect hangup",
    });
    const { status, result } = await stack.waitForCall(callId);

    expect(status).toMatchObject({ hungUpBy: "dialplan", cause: 0, continuedTo: { context: "cc-queues", exten: "support", priority: 1 } });
    expect(result?.outcome).not.toBe("transferred");
    const execution = await stack.getExecution(callId);
    expect(execution?.outcome).not.toBe("transferred");
    expect(execution?.handover).toBeNull();
    const transfer = execution?.steps.find((s) => s.nodeId === "to_support");
    expect(transfer?.port).toBe("failed");
    expect(transfer?.error).toContain("cc-queues,support,1");
  });
});
