import { describe, expect, it } from "vitest";
import { estimatedWaitText, positionText } from "./queue-announcement";

describe("positionText", () => {
  it("says how many callers are ahead, in Chinese for zh-* and English otherwise", () => {
    expect(positionText(4, "zh-CN")).toBe("您前面还有3位客户，请稍候。");
    expect(positionText(1, "zh-CN")).toBe("您是下一位，请稍候。");
    expect(positionText(3, "en-US")).toBe("There are 2 callers ahead of you. Please hold.");
    expect(positionText(2, "en-US")).toBe("There is 1 caller ahead of you. Please hold.");
    expect(positionText(1, "en")).toBe("You are next in line. Please hold.");
  });
});

describe("estimatedWaitText", () => {
  it("rounds up to whole minutes, at least one", () => {
    expect(estimatedWaitText(30, "zh-CN")).toBe("预计等待约1分钟。");
    expect(estimatedWaitText(121, "zh-CN")).toBe("预计等待约3分钟。");
    expect(estimatedWaitText(60, "en-US")).toBe("The estimated wait is about 1 minute.");
    expect(estimatedWaitText(600, "en-US")).toBe("The estimated wait is about 10 minutes.");
  });
});
