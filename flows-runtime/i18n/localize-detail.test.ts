import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validateGraph } from "../compiler/validate";
import { formatIssue } from "./format-issue";
import { localizeDetail } from "./localize-detail";

// Real zod messages, so a zod upgrade that rewords them fails here instead of leaking English.
const messageOf = (schema: z.ZodType, value: unknown): string => schema.safeParse(value).error?.issues[0]?.message ?? "";

describe("schema details in Chinese", () => {
  it("translates zod's default messages", () => {
    const cases: [string, string][] = [
      [messageOf(z.enum(["ivr", "routing"]), "x"), "必须是以下之一：ivr、routing"],
      [messageOf(z.string(), 3), "应为文本，实际为数字"],
      [messageOf(z.object({ a: z.string() }), {}), "缺少此项（应为文本）"],
      [messageOf(z.number().int(), 1.5), "应为整数，实际为数字"],
      [messageOf(z.string().min(2), "a"), "至少需要 2 个字符"],
      [messageOf(z.array(z.string()).max(1), ["a", "b"]), "最多 1 项"],
      [messageOf(z.number().min(1), 0), "不能小于 1"],
      [messageOf(z.number().max(5), 9), "不能大于 5"],
      [messageOf(z.object({}).strict(), { a: 1 }), "无法识别的字段：a"],
      [messageOf(z.string().regex(/a/), "b"), "格式不正确"],
      [messageOf(z.union([z.string(), z.number()]), null), "无效"],
    ];
    for (const [english, chinese] of cases) expect(localizeDetail(english, "zh-CN"), english).toBe(chinese);
  });

  it("keeps English for English readers and unknown texts as they are", () => {
    expect(localizeDetail("Invalid input: expected string, received number", "en")).toBe("Invalid input: expected string, received number");
    expect(localizeDetail("must be a known queue", "zh-CN")).toBe("must be a known queue");
  });

  it("leaves no English in an imported file's problems", () => {
    const result = validateGraph({ schemaVersion: 1, kind: "campaign-x", name: "x", nodes: {}, edges: [], variables: [] });
    if (result.ok) throw new Error("a broken file passed validation");
    const messages = result.issues.map((issue) => formatIssue(issue, "zh-CN"));
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const message of messages) expect(message, message).not.toMatch(/Invalid option|expected a list/);
    expect(messages.join("\n")).toContain("应为列表");
  });
});
