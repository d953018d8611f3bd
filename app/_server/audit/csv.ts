/**
 * One CSV cell (RFC 4180): always quoted, quotes doubled. A cell that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return that some tools strip first) gets a
 * leading apostrophe, as OWASP recommends against CSV injection.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? "";
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
