import { describe, expect, it } from "vitest";
import { loadMessages } from "./load-messages";

function strings(catalog: unknown, prefix: string): [string, string][] {
  if (typeof catalog === "string") return [[prefix, catalog]];
  if (typeof catalog !== "object" || catalog === null) return [];
  return Object.entries(catalog).flatMap(([key, value]) => strings(value, `${prefix}.${key}`));
}

// ASCII punctuation next to a Chinese character: Chinese text takes the full-width forms (，。：；？！（）).
const halfWidthNextToHan = /[\p{Script=Han}][,.:;?!()]|[,.:;?!()][\p{Script=Han}]/u;

describe("call log messages in Chinese", () => {
  it("use full-width punctuation", () => {
    const zh = loadMessages("zh-CN");
    const texts = [
      ...strings(zh.calls, "calls"),
      ...strings(zh.app.nav.calls, "app.nav.calls"),
      ...(["call_not_found", "recording_not_found", "recording_unavailable"] as const).map((code): [string, string] => [`errors.${code}`, zh.errors[code]]),
    ];
    expect(texts.length).toBeGreaterThan(80);
    for (const [key, text] of texts) expect(halfWidthNextToHan.test(text), `${key}: ${text}`).toBe(false);
    expect(halfWidthNextToHan.test("最短(秒)")).toBe(true);
  });
});
