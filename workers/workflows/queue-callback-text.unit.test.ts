import { describe, expect, it } from "vitest";
import { callbackAgentText, callbackConfirmText, callbackNumberOf, callbackOfferText, spokenDigits } from "./queue-callback-text";
import { callbackSettingsOf } from "../queues/callback-settings";

describe("queued callback texts", () => {
  it("reads numbers digit by digit", () => {
    expect(spokenDigits("13800000101")).toBe("1 3 8 0 0 0 0 0 1 0 1");
    expect(spokenDigits("+86 138")).toBe("8 6 1 3 8");
  });

  it("offers the key in the call's language", () => {
    expect(callbackOfferText("1", "zh-CN")).toBe("如需回拨，请按1，您的排队位置将保留。");
    expect(callbackOfferText("9", "en-US")).toContain("press 9");
  });

  it("confirms the number with 1, another number with 2", () => {
    expect(callbackConfirmText("138", "zh-CN")).toBe("我们将回拨您的号码 1 3 8，确认请按1，输入其他号码请按2。");
    expect(callbackConfirmText("138", "en")).toBe("We will call you back at 1 3 8. Press 1 to confirm, 2 to enter another number.");
  });

  it("tells the agent who it is, with the order number the IVR collected when there is one", () => {
    expect(callbackAgentText("13800000101", { order_number: "20240501" }, "zh-CN")).toBe("回拨客户 1 3 8 0 0 0 0 0 1 0 1，订单号 2 0 2 4 0 5 0 1，正在为您接通。");
    expect(callbackAgentText("138", {}, "zh-CN")).toBe("回拨客户 1 3 8，正在为您接通。");
    expect(callbackAgentText("138", { orderNumber: 42 }, "en")).toBe("Callback to customer 1 3 8, order number 42. Connecting you now.");
  });

  it("takes 3 to 20 digits up to # as a number", () => {
    expect(callbackNumberOf("13912345678#")).toBe("13912345678");
    expect(callbackNumberOf("13912345678")).toBe("13912345678");
    expect(callbackNumberOf("12#")).toBeNull();
    expect(callbackNumberOf("1*3#")).toBeNull();
    expect(callbackNumberOf("1".repeat(21))).toBeNull();
    expect(callbackNumberOf("#")).toBeNull();
  });
});

describe("callback settings of a queue row", () => {
  const row = { callbackEnabled: true, callbackAfterSeconds: 30, callbackKey: "1", callbackRetries: 2, callbackRetrySeconds: 300 };
  it("is null when the queue offers no callback", () => {
    expect(callbackSettingsOf({ ...row, callbackEnabled: false })).toBeNull();
  });
  it("names what is wrong in a stored row", () => {
    expect(callbackSettingsOf(row)).toEqual({ afterSeconds: 30, key: "1", retries: 2, retrySeconds: 300 });
    expect(() => callbackSettingsOf({ ...row, callbackKey: "12" })).toThrow(/one key/);
  });
});
