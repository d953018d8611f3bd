import { describe, expect, it } from "vitest";
import { isEnglishLeak } from "./english-leaks";

describe("what counts as English left in the Chinese UI", () => {
  it("flags Latin-only text that is not user data or an allowed word", () => {
    for (const text of ["Zoom In", "(completed)", "queue · after-sales", "Asia/Shanghai", "must be a phone number", "Edge from start to hours"]) {
      expect(isEnglishLeak(text, ["售后热线"]), text).toBe(true);
    }
  });

  it("passes Chinese text, user data, allowed words, numbers, ids and emails", () => {
    for (const text of ["按 Delete 删除", "DTMF", "HTTP · URL", "v2", "4001", "13800000000", "admin@browser.test", "cm9x0abcdefghijklmnopqrs", "12 ms", "{{secret.NAME}}", "After-sales", "—"]) {
      expect(isEnglishLeak(text, ["After-sales"]), text).toBe(false);
    }
  });
});
