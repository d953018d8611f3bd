import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it("keeps same-site paths and drops everything else", () => {
    expect(safeReturnPath("/flows?q=a")).toBe("/flows?q=a");
    expect(safeReturnPath(["/account", "/x"])).toBe("/account");
    for (const bad of [undefined, "", "https://evil.example/", "//evil.example", "/\\evil.example", "flows"]) expect(safeReturnPath(bad)).toBe("/");
  });
});
