import { describe, expect, it } from "vitest";
import { positionText } from "./queue-announcement";

describe("positionText", () => {
  it("says how many callers are ahead, in Chinese for zh-* and English otherwise", () => {
    expect(positionText(4, "zh-CN")).toBe("您前面还有3位客户，请稍候。");
    expect(positionText(1, "zh-CN")).toBe("您是下一位，请稍候。");
    expect(positionText(3, "en-US")).toBe("There are 2 callers ahead of you. Please hold.");
    expect(positionText(2, "en-US")).toBe("There is 1 caller ahead of you. Please hold.");
    expect(positionText(1, "en")).toBe("You are next in line. Please hold.");
  });
});
