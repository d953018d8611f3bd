import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { branchDefinition } from "./definition";
import { branchSchema } from "./schema";

const conditions = [
  { label: "VIP", expression: 'tier == "vip"' },
  { label: "Big spender", expression: "spent > 1000" },
];
const variables = [
  { name: "tier", type: "string" as const },
  { name: "spent", type: "number" as const },
];

describe("branch node", () => {
  it("fills defaults and has one required exit per condition plus else", () => {
    const config = branchSchema.parse({ conditions: [{ expression: "true" }] });
    expect(config).toEqual({ conditions: [{ label: "", expression: "true" }] });
    expect(branchDefinition.defaults()).toEqual({ conditions: [{ label: "", expression: "" }] });
    expect(branchDefinition.canExitLoop).toBe(true);
    expect(branchDefinition.ports(branchSchema.parse({ conditions })).map((port) => [port.id, port.label.en, port.required])).toEqual([
      ["condition:0", "condition 1: VIP", true],
      ["condition:1", "condition 2: Big spender", true],
      ["else", "else", true],
    ]);
  });

  it("explains empty and broken conditions", () => {
    expect(nodeIssues("branch", { conditions: [] }).map((issue) => issue.message)).toEqual(['Branch "Test node": "Conditions" needs at least 1 item(s)']);
    const issues = nodeIssues("branch", {
      conditions: [
        { expression: "" },
        { expression: "call.foo == 1" },
        { expression: "process.env.HOME" },
        { expression: "tier.constructor" },
        { expression: "spent + true" },
        { expression: 'tier == 3' },
      ],
    }, { variables });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([["setting-required", ["conditions", 0, "expression"]]]);
    const valid = nodeIssues("branch", {
      conditions: [
        { expression: "call.foo == 1" },
        { expression: "process.env.HOME" },
        { expression: "tier.constructor" },
        { expression: "spent + true" },
        { expression: "tier == 3" },
      ],
    }, { variables });
    expect(valid.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      [
        "unknown-call-field",
        ["conditions", 0, "expression"],
        'Branch "Test node": "Conditions #1 › Condition" uses "call.foo", which does not exist; available: caller, dialed, id, language, startedAt',
      ],
      [
        "unknown-variable",
        ["conditions", 1, "expression"],
        'Branch "Test node": "Conditions #2 › Condition" uses the unknown variable "process": declare it in the flow\'s variables or set it in a node',
      ],
      ["expression-syntax", ["conditions", 2, "expression"], 'Branch "Test node": "Conditions #3 › Condition" cannot be read: "constructor" cannot be used as a property name'],
      ["expression-type", ["conditions", 3, "expression"], 'Branch "Test node": "Conditions #4 › Condition": Cannot add a number and a boolean'],
      ["expression-type", ["conditions", 4, "expression"], 'Branch "Test node": "Conditions #5 › Condition": This is always false: it compares a string with a number'],
    ]);
    expect(valid[2]?.params).toMatchObject({ position: 5, column: 6 });
  });

  it("compiles each condition to an AST", () => {
    expect(compileNode("branch", { conditions }).compiled).toEqual({
      conditions: [
        expect.objectContaining({ kind: "binary", operator: "==" }),
        expect.objectContaining({ kind: "binary", operator: ">" }),
      ],
    });
  });

  it("follows the first true condition, else the else exit", async () => {
    expect((await executeNode("branch", { conditions }, { vars: { tier: "vip", spent: 5000 } })).result).toEqual({ port: "condition:0" });
    expect((await executeNode("branch", { conditions }, { vars: { tier: "gold", spent: 5000 } })).result).toEqual({ port: "condition:1" });
    expect((await executeNode("branch", { conditions }, { vars: { tier: "gold", spent: 10 } })).result).toEqual({ port: "else" });
  });

  it("fails the step when a condition cannot be evaluated", async () => {
    await expect(executeNode("branch", { conditions: [{ expression: "spent > 1" }, { expression: "1 / 0 > 1" }] }, { vars: { spent: 0 } })).rejects.toThrow();
  });
});
