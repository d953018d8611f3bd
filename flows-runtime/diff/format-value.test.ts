import { describe, expect, it } from "vitest";
import { formatValue } from "./format-value";
import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";

describe("formatValue", () => {
  it("renders scalars the way a reviewer reads them, per locale", () => {
    expect([true, false, null, undefined, "", "Hi", 8].map((value) => formatValue(value, en))).toEqual([
      "on",
      "off",
      "none",
      "(not set)",
      "(empty)",
      '"Hi"',
      "8",
    ]);
    expect([true, false, null, undefined, "", "Hi", 8].map((value) => formatValue(value, zhCN))).toEqual([
      "开启",
      "关闭",
      "无",
      "（未设置）",
      "（空）",
      "“Hi”",
      "8",
    ]);
  });

  it("lists scalar arrays and writes other structures as JSON", () => {
    expect(formatValue(["vip", "english"], en)).toBe('"vip", "english"');
    expect(formatValue([], en)).toBe("(empty)");
    expect(formatValue({ kind: "tts", text: "Hi" }, en)).toBe('{"kind":"tts","text":"Hi"}');
  });

  it("cuts long values on code points, never inside a surrogate pair", () => {
    const formatted = formatValue("😀".repeat(100), en);
    expect(Array.from(formatted)).toHaveLength(82);
    expect(formatted.endsWith("😀…\"")).toBe(true);
  });
});
