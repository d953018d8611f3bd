export interface CsvRecord {
  /** 1-based line of the file where the record starts (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

export type ParsedCsv = { ok: true; records: CsvRecord[] } | { ok: false; line: number; problem: "unclosed-quote" | "text-after-quote" };

/**
 * RFC 4180: cells separated by commas, records by CRLF or LF; a quoted cell may hold commas, line
 * breaks and doubled quotes. Blank lines are skipped. One pass over the text, no regular expressions.
 */
export function parseCsv(text: string): ParsedCsv {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let cellStarted = false;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== "") records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
    cellStarted = false;
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && !cellStarted) {
      const quoteLine = line;
      i += 1;
      for (;;) {
        if (i >= text.length) return { ok: false, line: quoteLine, problem: "unclosed-quote" };
        const inner = text[i];
        if (inner === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (inner === "\n") line += 1;
        cell += inner;
        i += 1;
      }
      cellStarted = true;
      const next = text[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") return { ok: false, line, problem: "text-after-quote" };
      continue;
    }
    if (char === ",") {
      cells.push(cell);
      cell = "";
      cellStarted = false;
    } else if (char === "\n" || char === "\r") {
      endRecord();
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      line += 1;
      recordLine = line;
    } else {
      // An unquoted run up to the next separator, sliced at once.
      let end = i + 1;
      while (end < text.length && text[end] !== "," && text[end] !== "\n" && text[end] !== "\r") end += 1;
      cell += text.slice(i, end);
      cellStarted = true;
      i = end;
      continue;
    }
    i += 1;
  }
  if (cellStarted || cells.length > 0) endRecord();
  return { ok: true, records };
}
