import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import type { ScriptedInput } from "../../testing/scripted-effects";
import { menuDefinition } from "./definition";
import { menuSchema } from "./schema";

const prompt = [{ kind: "tts", text: "Press 1 or 2" }];
const base = {
  prompt,
  options: [
    { key: "1", label: "Sales" },
    { key: "2", label: "Support" },
  ],
  timeoutPrompt: [{ kind: "tts", text: "No key pressed" }],
  invalidPrompt: [{ kind: "tts", text: "Wrong key" }],
};

const run = (input: ScriptedInput[], data: Record<string, unknown> = base) => executeNode("menu", data, { script: { input } });

describe("menu node", () => {
  it("fills defaults", () => {
    expect(menuSchema.parse({ prompt, options: [{ key: "1" }] })).toEqual({
      prompt,
      options: [{ key: "1", label: "" }],
      timeoutSeconds: 5,
      maxRetries: 2,
      timeoutPrompt: [],
      invalidPrompt: [],
      bargeIn: true,
    });
    expect(menuDefinition.defaults()).toMatchObject({ options: [{ key: "1", label: "" }], timeoutSeconds: 5, maxRetries: 2, bargeIn: true });
  });

  it("has one required exit per key plus silent timeout and invalid exits", () => {
    const config = menuSchema.parse(base);
    expect(menuDefinition.ports(config).map((port) => [port.id, port.label.en, port.required, port.silent === true])).toEqual([
      ["option:1", "key 1: Sales", true, false],
      ["option:2", "key 2: Support", true, false],
      ["timeout", "timeout", true, true],
      ["invalid", "invalid", true, true],
    ]);
    expect(menuDefinition.writes({ ...config, storeAs: "choice" })).toEqual([{ name: "choice", type: "string", path: ["storeAs"] }]);
  });

  it("reports duplicate keys and out-of-range numbers together", () => {
    const issues = nodeIssues("menu", { ...base, options: [{ key: "1" }, { key: "1" }, { key: "A" }], timeoutSeconds: 0, maxRetries: 11, storeAs: "9x" });
    expect(issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ["setting-invalid-choice", ["options", 2, "key"], 'Menu "Test node": "Options #3 › Key" must be one of 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, *, #'],
      ["duplicate-key", ["options", 1, "key"], 'Menu "Test node": key 1 is used by two options'],
      ["setting-too-small", ["timeoutSeconds"], 'Menu "Test node": "Wait for a key (seconds)" must be at least 1'],
      ["setting-too-big", ["maxRetries"], 'Menu "Test node": "Retries" must be at most 10'],
      [
        "bad-identifier",
        ["storeAs"],
        'Menu "Test node": "Store key in variable" must be a variable name: letters, digits and _, not starting with a digit',
      ],
    ]);
  });

  it("compiles keys and milliseconds", () => {
    expect(compileNode("menu", { ...base, timeoutSeconds: 7, storeAs: "choice" }).compiled).toMatchObject({
      keys: ["1", "2"],
      timeoutMs: 7000,
      maxRetries: 2,
      bargeIn: true,
      storeAs: "choice",
      prompt: [{ kind: "tts", language: null, voice: null, text: { parts: [{ kind: "text", text: "Press 1 or 2" }] } }],
    });
  });

  it("takes the option of a valid key and stores it", async () => {
    const { result, effects, vars } = await run(["2"], { ...base, storeAs: "choice" });
    expect(result).toEqual({ port: "option:2", input: "2" });
    expect(vars.get("choice")).toBe("2");
    expect(effects.collects[0]?.options).toEqual({ minDigits: 1, maxDigits: 1, terminator: null, firstDigitTimeoutMs: 5000, interDigitTimeoutMs: 5000, totalTimeoutMs: null });
    expect(effects.plays).toEqual([expect.objectContaining({ bargeIn: true })]);
  });

  it("plays the wrong-key prompt, then retries", async () => {
    const { result, effects } = await run(["9", "1"]);
    expect(result).toEqual({ port: "option:1", input: "91" });
    expect(effects.spoken()).toEqual(["Press 1 or 2", "Wrong key", "Press 1 or 2"]);
  });

  it("plays the no-input prompt after a timeout, then retries", async () => {
    const { result, effects } = await run([{ timeout: true }, "2"]);
    expect(result).toEqual({ port: "option:2", input: "2" });
    expect(effects.spoken()).toEqual(["Press 1 or 2", "No key pressed", "Press 1 or 2"]);
  });

  it("leaves by the last failure when the retries run out", async () => {
    const invalid = await run(["7", { timeout: true }, "8"]);
    expect(invalid.result).toEqual({ port: "invalid", input: "78" });
    expect(invalid.effects.spoken()).toEqual(["Press 1 or 2", "Wrong key", "Press 1 or 2", "No key pressed", "Press 1 or 2"]);
    const timeout = await run(["7", "8", { timeout: true }]);
    expect(timeout.result).toEqual({ port: "timeout", input: "78" });
    const silent = await run([]);
    expect(silent.result).toEqual({ port: "timeout", input: "" });
    expect(silent.effects.collects).toHaveLength(3);
  });

  it("tries once when maxRetries is 0", async () => {
    const { result, effects } = await run(["5"], { ...base, maxRetries: 0 });
    expect(result).toEqual({ port: "invalid", input: "5" });
    expect(effects.spoken()).toEqual(["Press 1 or 2"]);
  });

  it("lets a key pressed during the prompt interrupt it and count as the choice", async () => {
    const { result, effects } = await run([{ digits: "1", duringPrompt: 1 }]);
    expect(effects.plays[0]?.interruptedBy).toBe("1");
    expect(result).toEqual({ port: "option:1", input: "1" });
  });

  it("does not interrupt the prompt when barge-in is off", async () => {
    const { result, effects } = await run([{ digits: "2", duringPrompt: 1 }], { ...base, bargeIn: false });
    expect(effects.plays[0]).toMatchObject({ bargeIn: false, interruptedBy: null });
    expect(result).toEqual({ port: "option:2", input: "2" });
  });
});
