import { describe, expect, it } from "vitest";
import { CallHangupError } from "../../interpreter/effects";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { transferDefinition } from "./definition";
import { transferSchema } from "./schema";
import { formatIssue } from "../../i18n/format-issue";

describe("transfer node", () => {
  it("fills defaults per target kind and has only a failed exit", () => {
    expect(transferSchema.parse({ target: { kind: "queue", queue: "agents" } })).toEqual({ target: { kind: "queue", queue: "agents", priority: 5, skills: [] } });
    expect(transferSchema.parse({ target: { kind: "number", number: "13900000000" } })).toEqual({
      target: { kind: "number", number: "13900000000", callerId: null, timeoutSeconds: 30 },
    });
    expect(transferSchema.parse({ target: { kind: "endpoint", endpoint: "PJSIP/1001" } })).toEqual({ target: { kind: "endpoint", endpoint: "PJSIP/1001", timeoutSeconds: 30 } });
    expect(transferDefinition.endsCall).toBe(true);
    expect(transferDefinition.ports(transferDefinition.defaults()).map((port) => [port.id, port.required, port.silent])).toEqual([["failed", true, true]]);
  });

  it("explains bad targets", () => {
    const messages = (data: Record<string, unknown>) => nodeIssues("transfer", data).map((issue) => [issue.code, issue.path, issue.message]);
    expect(messages({ target: { kind: "queue", queue: "", priority: 11 } })).toEqual([
      ["setting-required", ["target", "queue"], 'Transfer "Test node": "Transfer to › Queue" is required'],
      ["setting-too-big", ["target", "priority"], 'Transfer "Test node": "Transfer to › Priority" must be at most 10'],
    ]);
    expect(messages({ target: { kind: "sip" } })).toEqual([
      ["setting-invalid-choice", ["target", "kind"], 'Transfer "Test node": "Transfer to › Target type" must be one of queue, number, endpoint'],
    ]);
    expect(messages({ target: { kind: "endpoint", endpoint: "1001" } })).toEqual([
      ["bad-endpoint", ["target", "endpoint"], 'Transfer "Test node": "Transfer to › Endpoint" must be an endpoint like PJSIP/1001'],
    ]);
    expect(messages({ target: { kind: "number", number: "{{agent_phone}}", callerId: "abc" } }).map((message) => message[0])).toEqual(["bad-phone-number"]);
    expect(messages({})).toEqual([["setting-required", ["target"], 'Transfer "Test node": "Transfer to" is required']]);
  });

  it("refuses a queue that does not exist when the queues are known, naming the node and field in both languages", () => {
    const data = { target: { kind: "queue", queue: "after-sales" } };
    expect(nodeIssues("transfer", data)).toEqual([]);
    expect(nodeIssues("transfer", data, {}, { knownQueues: ["after-sales", "billing"] })).toEqual([]);
    const issues = nodeIssues("transfer", data, {}, { knownQueues: ["billing"] });
    expect(issues.map((issue) => [issue.code, issue.nodeId, issue.path, issue.severity, issue.message])).toEqual([
      ["unknown-queue", "n", ["target", "queue"], "error", 'Transfer "Test node": queue "after-sales" does not exist'],
    ]);
    expect(issues.map((issue) => formatIssue(issue, "zh-CN"))).toEqual(["转接“Test node”：队列 “after-sales” 不存在"]);
    expect(nodeIssues("transfer", { target: { kind: "endpoint", endpoint: "PJSIP/1001" } }, {}, { knownQueues: [] })).toEqual([]);
  });

  it("compiles a number target's template", () => {
    expect(compileNode("transfer", { target: { kind: "number", number: "{{phone}}" } }).compiled).toEqual({
      target: { kind: "number", number: { parts: [{ kind: "expr", expr: expect.objectContaining({ kind: "variable", name: "phone" }) }] }, callerId: null, timeoutSeconds: 30 },
    });
  });

  it("ends the call as transferred when the transfer succeeds", async () => {
    const { result, effects } = await executeNode("transfer", { target: { kind: "queue", queue: "agents", priority: 9, skills: ["vip"] } });
    expect(result).toEqual({ end: "transferred" });
    expect(effects.transfers).toEqual([{ kind: "queue", queue: "agents", priority: 9, skills: ["vip"] }]);
  });

  it("renders and cleans a number taken from a variable", async () => {
    const { effects } = await executeNode("transfer", { target: { kind: "number", number: "{{phone}}", callerId: "+8610" } }, { vars: { phone: "+86 139-0000 0000,w123" } });
    expect(effects.transfers).toEqual([{ kind: "number", number: "+8613900000000123", callerId: "+8610", timeoutSeconds: 30 }]);
    const empty = await executeNode("transfer", { target: { kind: "number", number: "{{phone}}" } }, { vars: { phone: "" } });
    expect(empty.result).toEqual({ port: "failed", error: "the phone number to transfer to is empty" });
    expect(empty.effects.transfers).toEqual([]);
  });

  it("takes the failed exit when the transfer is refused or errors, but lets a hangup through", async () => {
    const refused = await executeNode("transfer", { target: { kind: "endpoint", endpoint: "PJSIP/1001" } }, { script: { transfer: { ok: false, reason: "busy" } } });
    expect(refused.result).toEqual({ port: "failed", error: "busy" });
    const broken = await executeNode("transfer", { target: { kind: "queue", queue: "q" } }, {
      script: {
        transfer: () => {
          throw new Error("ARI unreachable");
        },
      },
    });
    expect(broken.result).toEqual({ port: "failed", error: "ARI unreachable" });
    await expect(executeNode("transfer", { target: { kind: "queue", queue: "q" } }, { script: { hangupDuring: { effect: "transfer" } } })).rejects.toBeInstanceOf(CallHangupError);
  });
});
