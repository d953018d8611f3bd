import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import type { ScriptedInput } from "../../testing/scripted-effects";
import { collectDefinition } from "./definition";
import { collectSchema } from "./schema";

const card = {
  prompt: [{ kind: "tts", text: "Card number then pound" }],
  minLength: 16,
  maxLength: 16,
  pattern: "4\\d{15}",
  variable: "card",
  invalidPrompt: [{ kind: "tts", text: "Invalid" }],
};

const run = (input: ScriptedInput[], data: Record<string, unknown> = card) => executeNode("collect", data, { script: { input } });

describe("collect node", () => {
  it("fills defaults", () => {
    expect(collectSchema.parse({ variable: "pin" })).toEqual({
      prompt: [],
      minLength: 1,
      maxLength: 20,
      terminator: "#",
      firstDigitTimeoutSeconds: 5,
      interDigitTimeoutSeconds: 3,
      totalTimeoutSeconds: 30,
      variable: "pin",
      maxRetries: 2,
      invalidPrompt: [],
    });
    expect(collectDefinition.writes(collectSchema.parse({ variable: "pin" }))).toEqual([{ name: "pin", type: "string", path: ["variable"] }]);
    expect(collectDefinition.ports(collectSchema.parse({ variable: "pin" })).map((port) => [port.id, port.required, port.silent === true])).toEqual([
      ["next", false, false],
      ["timeout", true, true],
      ["invalid", true, true],
    ]);
  });

  it("explains bad lengths, patterns and variable names", () => {
    const messages = (data: Record<string, unknown>) => nodeIssues("collect", data).map((issue) => [issue.code, issue.path, issue.message]);
    expect(messages({ minLength: 10, maxLength: 5, pattern: "[", variable: "constructor" })).toEqual([
      [
        "bad-regex",
        ["pattern"],
        'Collect digits "Test node": "Pattern" is not a valid pattern: unterminated character class (at character 1)',
      ],
      ["forbidden-name", ["variable"], 'Collect digits "Test node": "Store in variable" uses "constructor", which is not allowed as a name'],
      ["length-order", ["maxLength"], 'Collect digits "Test node": the minimum length is greater than the maximum length'],
    ]);
    expect(messages({ pattern: "(\\d)\\1", maxLength: 65 })).toEqual([
      ["setting-too-big", ["maxLength"], 'Collect digits "Test node": "Maximum length" must be at most 64'],
      [
        "unsafe-regex",
        ["pattern"],
        'Collect digits "Test node": "Pattern" uses what patterns do not support: backreferences (\\1, \\k<name>) are not supported (at character 5). Patterns are matched in linear time, without backreferences or lookaround',
      ],
      ["setting-required", ["variable"], 'Collect digits "Test node": "Store in variable" is required'],
    ]);
    expect(messages({ variable: "pin", pattern: "x".repeat(201) })[0]?.[0]).toBe("setting-too-long");
  });

  it("compiles timeouts to milliseconds and keeps the pattern as text", () => {
    expect(compileNode("collect", { ...card, totalTimeoutSeconds: null }).compiled).toMatchObject({
      minLength: 16,
      maxLength: 16,
      terminator: "#",
      firstDigitTimeoutMs: 5000,
      interDigitTimeoutMs: 3000,
      totalTimeoutMs: null,
      pattern: "4\\d{15}",
      variable: "card",
      maxRetries: 2,
    });
  });

  it("stores a valid number ended by the terminator", async () => {
    const { result, vars, effects } = await run(["4111111111111111#"]);
    expect(result).toEqual({ port: "next", input: "4111111111111111#" });
    expect(vars.get("card")).toBe("4111111111111111");
    expect(effects.collects[0]?.options).toEqual({
      minDigits: 16,
      maxDigits: 65,
      terminator: "#",
      firstDigitTimeoutMs: 5000,
      interDigitTimeoutMs: 3000,
      totalTimeoutMs: 30000,
    });
    expect(effects.bufferedDigits).toBe("");
  });

  it("checks 64 keys against the exponential pattern (1|1)*2 without backtracking", async () => {
    const evil = { variable: "code", maxLength: 64, maxRetries: 0, pattern: "(1|1)*2" };
    expect(nodeIssues("collect", evil)).toEqual([]);
    const started = performance.now();
    const { result } = await run([`${"1".repeat(63)}3#`], evil);
    expect(result).toMatchObject({ port: "invalid" });
    // A backtracking engine takes about 2^63 steps here; generous bound for a loaded machine.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect((await run([`${"1".repeat(63)}2#`], evil)).result).toMatchObject({ port: "next" });
  });

  it("accepts a full number the caller did not end with the terminator", async () => {
    const { result } = await run(["4111111111111111"]);
    expect(result).toEqual({ port: "next", input: "4111111111111111" });
  });

  it("retries input that is too short, too long or does not match the pattern", async () => {
    const { result, effects, vars } = await run(["123#", "51111111111111111#", "41111111111111112", "4222222222222222#"], { ...card, maxRetries: 3 });
    expect(result).toEqual({ port: "next", input: "123#51111111111111111#411111111111111124222222222222222#" });
    expect(effects.spoken()).toEqual(["Card number then pound", "Invalid", "Card number then pound", "Invalid", "Card number then pound", "Invalid", "Card number then pound"]);
    expect(vars.get("card")).toBe("4222222222222222");
  });

  it("leaves by invalid or timeout when the attempts run out", async () => {
    expect((await run(["1#", "2#", "3#"])).result).toEqual({ port: "invalid", input: "1#2#3#" });
    expect((await run(["1#", "2#", { timeout: true }])).result).toEqual({ port: "timeout", input: "1#2#" });
    const silent = await run([]);
    expect(silent.result).toEqual({ port: "timeout", input: "" });
    expect(silent.effects.spoken()).toEqual(["Card number then pound", "Card number then pound", "Card number then pound"]);
  });

  it("treats only the terminator as empty, invalid input", async () => {
    const { result } = await run(["#"], { ...card, maxRetries: 0 });
    expect(result).toEqual({ port: "invalid", input: "#" });
  });

  it("works without terminator or prompt", async () => {
    const { result, effects } = await run(["12345"], { variable: "pin", minLength: 4, maxLength: 4, terminator: null });
    expect(result).toEqual({ port: "next", input: "1234" });
    expect(effects.plays).toEqual([]);
    expect(effects.bufferedDigits).toBe("5");
  });
});
