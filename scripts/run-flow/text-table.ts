// East Asian wide and fullwidth characters take two terminal columns (CJK prompts, Chinese labels).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

export function truncate(text: string, maxWidth: number): string {
  if (displayWidth(text) <= maxWidth) return text;
  let out = "";
  let width = 0;
  for (const ch of text) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (width + w > maxWidth - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

export interface Column {
  header: string;
  align?: "left" | "right";
  /** Longer cells are cut with "…". */
  maxWidth?: number;
}

/** A plain-text table: header, dashes, rows; columns padded by display width. */
export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((row) => columns.map((col, i) => truncate((row[i] ?? "").replace(/\s+/g, " "), col.maxWidth ?? 60)));
  const widths = columns.map((col, i) => Math.max(displayWidth(col.header), ...cells.map((row) => displayWidth(row[i] ?? ""))));
  const pad = (text: string, i: number) => {
    const gap = " ".repeat((widths[i] ?? 0) - displayWidth(text));
    return columns[i]?.align === "right" ? gap + text : text + gap;
  };
  const line = (row: string[]) => row.map(pad).join("  ").trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
