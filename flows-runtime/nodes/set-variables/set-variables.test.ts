import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { setVariablesDefinition } from "./definition";
import { setVariablesSchema } from "./schema";

const variables = [
  { name: "attempts", type: "number" as const, initial: 0 },
  { name: "customer", type: "object" as const },
  { name: "label", type: "string" as const },
];

describe("set-variables node", () => {
  it("requires at least one assignment and writes every named variable", () => {
    expect(setVariablesSchema.safeParse({ assignments: [] }).success).toBe(false);
    const config = setVariablesSchema.parse({ assignments: [{ name: "attempts", value: "attempts + 1" }, { name: "customer.tier", value: '"vip"' }] });
    expect(setVariablesDefinition.writes(config)).toEqual([
      { name: "attempts", type: "any", path: ["assignments", 0, "name"] },
      { name: "customer.tier", type: "any", path: ["assignments", 1, "name"] },
    ]);
    expect(setVariablesDefinition.expressions(config)[0]).toEqual({ path: ["assignments", 0, "value"], source: "attempts + 1", mode: "expression", assignsTo: "attempts" });
  });

  it("refuses forbidden names, system variables, unknown objects and wrong types", () => {
    const check = (name: string, value = "1") =>
      nodeIssues("set-variables", { assignments: [{ name, value }] }, { variables }).map((issue) => [issue.code, issue.path, issue.message]);
    expect(check("a.__proto__")).toEqual([
      ["forbidden-name", ["assignments", 0, "name"], 'Set variables "Test node": "Assignments #1 › Variable" uses "__proto__", which is not allowed as a name'],
    ]);
    expect(check("call.caller")).toEqual([["readonly-variable", ["assignments", 0, "name"], 'Set variables "Test node": "call.caller" is a system variable and cannot be changed']]);
    expect(check("call.language", '"en-US"')).toEqual([]);
    expect(check("secret.TOKEN")).toEqual([["reserved-variable", ["assignments", 0, "name"], '"secret.TOKEN" is a reserved name: choose another variable name']]);
    expect(check("vehicle.plate")[0]?.[0]).toBe("unknown-variable");
    expect(check("label.first")).toEqual([["type-mismatch", ["assignments", 0, "name"], 'Set variables "Test node": "Assignments #1 › Variable" must be an object, but this gives text']]);
    expect(check("attempts", '"three"')).toEqual([
      ["type-mismatch", ["assignments", 0, "value"], 'Set variables "Test node": "Assignments #1 › Value" must be a number, but this gives text'],
    ]);
    expect(check("customer.tier", '"vip"')).toEqual([]);
    expect(check("brand_new", "attempts * 2")).toEqual([]);
  });

  it("compiles values to ASTs", () => {
    expect(compileNode("set-variables", { assignments: [{ name: "attempts", value: "attempts + 1" }] }).compiled).toEqual({
      assignments: [{ name: "attempts", value: expect.objectContaining({ kind: "binary", operator: "+" }) }],
    });
  });

  it("assigns in order, later values seeing earlier ones, without changing earlier snapshots", async () => {
    const customer = { name: "Ann" };
    const { result, vars } = await executeNode(
      "set-variables",
      { assignments: [{ name: "attempts", value: "attempts + 1" }, { name: "double", value: "attempts * 2" }, { name: "customer.tier", value: '"vip"' }] },
      { vars: { attempts: 1, customer } },
    );
    expect(result).toEqual({ port: "next" });
    expect(vars.snapshot()).toEqual({ attempts: 2, double: 4, customer: { name: "Ann", tier: "vip" } });
    expect(customer).toEqual({ name: "Ann" });
  });
});
