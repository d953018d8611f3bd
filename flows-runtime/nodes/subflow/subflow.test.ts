import { describe, expect, it } from "vitest";
import { validateGraph } from "../../compiler/validate";
import { CallHangupError } from "../../interpreter/effects";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { subflowDefinition } from "./definition";
import { subflowSchema } from "./schema";

const data = { flowId: "verify-pin", inputs: [{ name: "account", value: "account_id" }], outputs: [{ from: "verified", to: "pin_ok" }] };
const variables = [{ name: "account_id", type: "string" as const, initial: "A-1" }];

describe("subflow node", () => {
  it("fills defaults and writes its outputs", () => {
    expect(subflowSchema.parse({ flowId: "x" })).toEqual({ flowId: "x", inputs: [], outputs: [] });
    expect(subflowDefinition.writes(subflowSchema.parse(data))).toEqual([{ name: "pin_ok", type: "any", path: ["outputs", 0, "to"] }]);
    expect(subflowDefinition.ports(subflowSchema.parse(data)).map((port) => [port.id, port.required, port.silent === true])).toEqual([
      ["next", false, false],
      ["error", false, true],
    ]);
  });

  it("explains missing flows and repeated inputs", () => {
    expect(nodeIssues("subflow", { flowId: " ", inputs: [{ name: "a", value: "1" }, { name: "a", value: "2" }] }).map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ["setting-required", ["flowId"], 'Run subflow "Test node": "Flow" is required'],
      ["duplicate-name", ["inputs", 1, "name"], 'Run subflow "Test node": "a" is listed twice in "Inputs #2 › Subflow variable"'],
    ]);
  });

  it("checks the flow id against the published flows when they are known", () => {
    const graph = {
      schemaVersion: 1,
      kind: "ivr",
      variables,
      nodes: [
        { id: "s", type: "start", position: { x: 0, y: 0 } },
        { id: "n", type: "subflow", label: "PIN check", position: { x: 0, y: 0 }, data },
      ],
      edges: [{ id: "e", source: "s", sourcePort: "next", target: "n" }],
    };
    expect(validateGraph(graph).ok).toBe(true);
    expect(validateGraph(graph, { knownFlowIds: ["verify-pin"] }).ok).toBe(true);
    const unknown = validateGraph(graph, { knownFlowIds: ["other"] });
    expect(unknown.ok ? [] : unknown.issues.map((issue) => [issue.code, issue.nodeId, issue.path, issue.message])).toEqual([
      ["unknown-subflow", "n", ["flowId"], 'Run subflow "PIN check": flow "verify-pin" does not exist or is not published'],
    ]);
  });

  it("compiles input expressions", () => {
    expect(compileNode("subflow", data).compiled).toEqual({
      flowId: "verify-pin",
      inputs: [{ name: "account", value: expect.objectContaining({ kind: "variable", name: "account_id" }) }],
      outputs: [{ from: "verified", to: "pin_ok" }],
    });
  });

  it("passes inputs, copies outputs back and continues", async () => {
    const { result, effects, vars } = await executeNode("subflow", data, {
      vars: { account_id: "A-7" },
      script: { subflows: { "verify-pin": (inputs) => ({ outputs: { verified: inputs.account === "A-7" }, outcome: "completed" }) } },
    });
    expect(effects.subflowCalls).toEqual([{ flowId: "verify-pin", inputs: { account: "A-7" } }]);
    expect(result).toEqual({ port: "next" });
    expect(vars.get("pin_ok")).toBe(true);
  });

  it("ends as transferred, fails on a failed subflow and passes a hangup on", async () => {
    const run = (outcome: string) => executeNode("subflow", data, { vars: { account_id: "A" }, script: { subflows: { "verify-pin": { outputs: {}, outcome } } } });
    expect((await run("transferred")).result).toEqual({ end: "transferred" });
    await expect(run("failed")).rejects.toThrow('subflow "verify-pin" ended with outcome "failed"');
    await expect(run("caller-hangup")).rejects.toBeInstanceOf(CallHangupError);
    const missing = await run("completed");
    expect(missing.vars.get("pin_ok")).toBeNull();
  });
});
