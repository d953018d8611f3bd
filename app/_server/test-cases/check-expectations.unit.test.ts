import { describe, expect, it } from "vitest";
import { checkExpectations, type VisitedStep } from "./check-expectations";
import { expectationsSchema, testCaseInputSchema } from "./test-case-input";
import { caseScript } from "./case-script";

const steps: VisitedStep[] = [
  { nodeId: "start", label: "来电接入" },
  { nodeId: "hours", label: "工作时间判断" },
  { nodeId: "main_menu", label: "主菜单" },
  { nodeId: "to_after_sales", label: "转售后服务队列" },
];
const transferred = { outcome: "transferred", transferredTo: "after-sales" };

describe("test case expectations", () => {
  it("passes an exact path named by ids or labels, and a transfer to the expected queue", () => {
    const results = checkExpectations(
      { path: { mode: "exact", nodes: ["start", "工作时间判断", "main_menu", "转售后服务队列"] }, outcome: { kind: "transferred", target: "after-sales" } },
      steps,
      transferred,
    );
    expect(results.map((result) => result.ok)).toEqual([true, true]);
  });

  it("names the first node where an exact path differs, also when the call went on or stopped early", () => {
    const [differs] = checkExpectations({ path: { mode: "exact", nodes: ["start", "hours", "voicemail"] }, outcome: null }, steps, transferred);
    expect(differs).toMatchObject({ kind: "path", ok: false, mismatchAt: 2, actual: ["来电接入", "工作时间判断", "主菜单", "转售后服务队列"] });
    const [longer] = checkExpectations({ path: { mode: "exact", nodes: ["start", "hours"] }, outcome: null }, steps, transferred);
    expect(longer).toMatchObject({ ok: false, mismatchAt: 2 });
    const [shorter] = checkExpectations({ path: { mode: "exact", nodes: ["start", "hours", "main_menu", "to_after_sales", "hangup"] }, outcome: null }, steps, transferred);
    expect(shorter).toMatchObject({ ok: false, mismatchAt: 4 });
  });

  it("checks 'passes through' in order, with other nodes between", () => {
    expect(checkExpectations({ path: { mode: "passes-through", nodes: ["hours", "to_after_sales"] }, outcome: null }, steps, transferred)[0]?.ok).toBe(true);
    expect(checkExpectations({ path: { mode: "passes-through", nodes: ["main_menu", "hours"] }, outcome: null }, steps, transferred)[0]).toMatchObject({ ok: false, mismatchAt: 1 });
    expect(checkExpectations({ path: { mode: "passes-through", nodes: ["voicemail"] }, outcome: null }, steps, transferred)[0]).toMatchObject({ ok: false, mismatchAt: 0 });
  });

  it("fails an outcome of another kind or another transfer target, and accepts any target when none is named", () => {
    expect(checkExpectations({ path: null, outcome: { kind: "completed" } }, steps, transferred)[0]).toMatchObject({ ok: false, actual: { kind: "transferred", target: "after-sales" } });
    expect(checkExpectations({ path: null, outcome: { kind: "transferred", target: "agents" } }, steps, transferred)[0]?.ok).toBe(false);
    expect(checkExpectations({ path: null, outcome: { kind: "transferred" } }, steps, transferred)[0]?.ok).toBe(true);
    expect(checkExpectations({ path: null, outcome: { kind: "completed" } }, steps, { outcome: null, transferredTo: null })[0]?.ok).toBe(false);
  });

  it("refuses a case without any expectation, naming the field", () => {
    const result = expectationsSchema.safeParse({ path: null, outcome: null });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["path", "expect a path or an outcome"]]);
    const bad = testCaseInputSchema.safeParse({ name: " ", inputs: [{ afterPrompt: 0, keys: "1;" }], expectations: { path: { mode: "some", nodes: [] } } });
    expect(bad.error?.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining(["name", "inputs.0.afterPrompt", "inputs.0.keys", "expectations.path.mode", "expectations.path.nodes"]));
  });
});

describe("a case's simulated caller", () => {
  it("presses each input after its prompt has finished, in prompt order, and gives up after a bound", () => {
    expect(caseScript([{ afterPrompt: 3, keys: "123456#" }, { afterPrompt: 1, keys: "1" }])).toBe("timeout 180s; wait prompt 1; wait prompt end; press 1; wait prompt 3; wait prompt end; press 123456#");
    expect(caseScript([])).toBe("timeout 180s");
  });
});
