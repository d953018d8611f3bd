import { describe, expect, it } from "vitest";
import { codeDiagnostics } from "./code-diagnostics";

describe("codeDiagnostics", () => {
  it("reports nothing for valid code", () => {
    expect(codeDiagnostics('card.status == "active" && attempts < 3', "expression")).toEqual([]);
    expect(codeDiagnostics("Your order {{order.id}} ships {{ default(order.date, \"soon\") }}", "template")).toEqual([]);
  });

  it("points at the offending token in an expression", () => {
    const [diagnostic] = codeDiagnostics("attempts < ", "expression");
    expect(diagnostic).toBeDefined();
    expect(diagnostic?.start).toBeGreaterThanOrEqual(9);
    const [hint] = codeDiagnostics("a and b", "expression");
    expect(hint?.start).toBe(2);
    expect(hint?.message).toContain("&&");
  });

  it("points inside a template's hole, at the position in the whole template", () => {
    const source = "Hello {{ name + }} there";
    const [diagnostic] = codeDiagnostics(source, "template");
    expect(diagnostic?.start).toBeGreaterThan(source.indexOf("{{"));
    expect(diagnostic?.start).toBeLessThan(source.indexOf("}}") + 2);
  });

  it("flags unsafe regular expressions", () => {
    expect(codeDiagnostics("(\\d)\\1", "pattern")).toEqual([
      { start: 4, end: 5, message: "backreferences (\\1, \\k<name>) are not supported (at character 5)" },
    ]);
    expect(codeDiagnostics("(\\d+)+", "pattern")).toEqual([]);
    expect(codeDiagnostics("\\d{16}", "pattern")).toEqual([]);
  });
});
