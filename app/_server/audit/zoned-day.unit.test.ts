import { describe, expect, it } from "vitest";
import { nextDay, startOfDay } from "./zoned-day";

describe("calendar days in the contact center's zone", () => {
  it("starts a Shanghai day at 16:00 UTC the day before, and a UTC day at midnight", () => {
    expect(startOfDay("2025-03-10", "Asia/Shanghai").toISOString()).toBe("2025-03-09T16:00:00.000Z");
    expect(startOfDay("2025-03-10", "UTC").toISOString()).toBe("2025-03-10T00:00:00.000Z");
    expect(startOfDay("2025-07-01", "America/New_York").toISOString()).toBe("2025-07-01T04:00:00.000Z");
  });

  it("steps over month and year ends", () => {
    expect(nextDay("2024-02-28")).toBe("2024-02-29");
    expect(nextDay("2024-12-31")).toBe("2025-01-01");
  });
});
