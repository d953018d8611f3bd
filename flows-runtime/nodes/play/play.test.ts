import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { playDefinition } from "./definition";
import { playSchema } from "./schema";

const summary = (type: string, data: Record<string, unknown>, variables: { name: string; type?: "string" | "number" | "any" }[] = []) =>
  nodeIssues(type, data, { variables }).map((issue) => ({ code: issue.code, path: issue.path, message: issue.message }));

describe("play node", () => {
  it("fills defaults and offers an empty text item in the palette", () => {
    expect(playSchema.parse({ media: [{ kind: "sound", name: "beep" }] })).toEqual({ media: [{ kind: "sound", name: "beep" }], bargeIn: false });
    expect(playDefinition.defaults()).toEqual({ media: [{ kind: "tts", text: "" }], bargeIn: false });
    expect(playSchema.safeParse(playDefinition.defaults()).success).toBe(false);
  });

  it("explains invalid settings by field", () => {
    expect(summary("play", { media: [] })).toEqual([
      { code: "setting-too-few", path: ["media"], message: 'Play prompt "Test node": "Prompt" needs at least 1 item(s)' },
    ]);
    expect(summary("play", { media: [{ kind: "video" }, { kind: "tts", text: "" }, { kind: "sound", name: "../etc/passwd" }], bargeIn: "yes" })).toEqual([
      { code: "setting-invalid-choice", path: ["media", 0, "kind"], message: 'Play prompt "Test node": "Prompt #1 › Type" must be one of tts, sound, digits, number' },
      { code: "setting-required", path: ["media", 1, "text"], message: 'Play prompt "Test node": "Prompt #2 › Text" is required' },
      {
        code: "bad-sound-name",
        path: ["media", 2, "name"],
        message: 'Play prompt "Test node": "Prompt #3 › Sound file" must be a sound file name like custom/welcome (letters, digits, _, - and /)',
      },
      { code: "setting-wrong-type", path: ["bargeIn"], message: 'Play prompt "Test node": "Caller can interrupt" must be true or false' },
    ]);
  });

  it("checks templates and number expressions", () => {
    const media = [
      { kind: "tts", text: "Hello {{ name + }}" },
      { kind: "tts", text: "Hello {{ nobody }}" },
      { kind: "number", value: "'twelve'" },
      { kind: "tts", text: "Token {{secret.API_TOKEN}}" },
      { kind: "digits", value: "{{ amount }}" },
    ];
    const issues = nodeIssues("play", { media }, { variables: [{ name: "name", type: "string" }, { name: "amount", type: "number" }] });
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["expression-syntax", ["media", 0, "text"]],
      ["unknown-variable", ["media", 1, "text"]],
      ["type-mismatch", ["media", 2, "value"]],
      ["secret-not-allowed", ["media", 3, "text"]],
    ]);
    expect(issues[0]?.params).toMatchObject({ position: 16, column: 17 });
    expect(issues[1]?.params).toMatchObject({ name: "nobody", position: 9, length: 6 });
    expect(issues[2]?.message).toBe('Play prompt "Test node": "Prompt #3 › Value" must be a number, but this gives text');
    expect(issues[3]?.message).toBe(
      'Play prompt "Test node": "Prompt #4 › Text" uses a secret; secrets can only be used in an HTTP request\'s URL, headers and body',
    );
  });

  it("compiles templates and expressions to ASTs", () => {
    const { compiled } = compileNode("play", {
      media: [{ kind: "tts", text: "Hi {{name}}", voice: "xiaoyan" }, { kind: "sound", name: "custom/welcome" }, { kind: "number", value: "1 + 2" }],
      bargeIn: true,
    });
    expect(compiled).toMatchObject({
      bargeIn: true,
      media: [
        { kind: "tts", language: null, voice: "xiaoyan", text: { parts: [{ kind: "text", text: "Hi " }, { kind: "expr", expr: { kind: "variable", name: "name" } }] } },
        { kind: "sound", name: "custom/welcome" },
        { kind: "number", value: { kind: "binary", operator: "+" } },
      ],
    });
  });

  it("renders the prompt with the call's language and the current variables", async () => {
    const { result, effects } = await executeNode(
      "play",
      {
        media: [
          { kind: "tts", text: "Hi {{name}}" },
          { kind: "tts", text: "你好", language: "zh-CN", voice: "xiaoyan" },
          { kind: "digits", value: "{{order}}" },
          { kind: "number", value: "amount * 2" },
          { kind: "number", value: "text_amount" },
        ],
        bargeIn: true,
      },
      { vars: { call: { language: "en-US" }, name: "Ann", order: "20250101", amount: 21, text_amount: "7.5" } },
    );
    expect(result).toEqual({ port: "next" });
    expect(effects.plays).toEqual([
      {
        media: [
          { kind: "tts", text: "Hi Ann", language: "en-US" },
          { kind: "tts", text: "你好", language: "zh-CN", voice: "xiaoyan" },
          { kind: "digits", value: "20250101" },
          { kind: "number", value: 42 },
          { kind: "number", value: 7.5 },
        ],
        bargeIn: true,
        interruptedBy: null,
        at: "2025-01-06T02:00:00.000Z",
      },
    ]);
  });

  it("falls back to Chinese without a call language and fails on a non-number read-out", async () => {
    const chinese = await executeNode("play", { media: [{ kind: "tts", text: "您好" }] }, { vars: {} });
    expect(chinese.effects.played).toEqual([{ kind: "tts", text: "您好", language: "zh-CN" }]);
    await expect(executeNode("play", { media: [{ kind: "number", value: "word" }] }, { vars: { word: "abc" } })).rejects.toThrow(
      'cannot read out "abc" as a number',
    );
  });
});
