import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("CSV cells", () => {
  it("quotes every cell and doubles quotes, keeping commas and line breaks inside the cell", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(null)).toBe('""');
    expect(csvLine(["a", "b,c", undefined])).toBe('"a","b,c",""\r\n');
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    for (const formula of ["=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      expect(csvCell(formula).startsWith(`"'`), formula).toBe(true);
    }
    expect(csvCell('=1+"a"')).toBe(`"'=1+""a"""`);
    expect(csvCell("2024-01-01T00:00:00.000Z")).toBe('"2024-01-01T00:00:00.000Z"');
    expect(csvCell("a=b")).toBe('"a=b"');
  });
});
