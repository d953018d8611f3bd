import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("durations on the boards", () => {
  it("shows minutes and seconds, hours once there are any, and nothing below zero", () => {
    expect(formatDuration(7_400)).toBe("0:07");
    expect(formatDuration(754_999)).toBe("12:34");
    expect(formatDuration(3_723_000)).toBe("1:02:03");
    expect(formatDuration(-500)).toBe("0:00");
  });
});
