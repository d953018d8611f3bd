import type { CsvRecord } from "./parse-csv";

/** One problem in an imported file: the file's row (1 = header) and the target field it concerns. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportTarget {
  /** The field a column may be mapped to ("name", "phones", "attributes.orderNumber"). */
  key: string;
  required: boolean;
  /** Header texts recognised without a mapping (both languages, any case). */
  aliases: readonly string[];
}

/** Column index (0-based) by target key; a target without a column is absent. */
export type ColumnMapping = Record<string, number>;

export interface MappedRow {
  /** 1-based row of the file, the header being row 1: what the person sees in a spreadsheet. */
  row: number;
  values: Record<string, string>;
}

const normalizeHeader = (text: string) => text.trim().toLowerCase();

/**
 * A first guess at the mapping from the header row: a column whose header is a target's key or alias.
 * Targets are tried in order and a column goes to the first that claims it, so a catch-all target
 * listed last (a contact field per column) takes only the columns nothing else did.
 */
export function guessMapping(header: readonly string[], targets: readonly ImportTarget[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const target of targets) {
    const names = [target.key, ...target.aliases].map(normalizeHeader);
    const index = header.findIndex((cell, column) => !taken.has(column) && names.includes(normalizeHeader(cell)));
    if (index >= 0) {
      mapping[target.key] = index;
      taken.add(index);
    }
  }
  return mapping;
}

/** Problems of the mapping itself (reported as row 1, the header): unknown targets, columns that do not exist, required targets left out. */
export function checkMapping(mapping: ColumnMapping, header: readonly string[], targets: readonly ImportTarget[]): RowError[] {
  const errors: RowError[] = [];
  for (const [key, index] of Object.entries(mapping)) {
    if (!targets.some((target) => target.key === key)) errors.push({ row: 1, field: key, message: "is not a field that can be imported" });
    else if (!Number.isInteger(index) || index < 0 || index >= header.length) errors.push({ row: 1, field: key, message: `is mapped to column ${index + 1}, which the file does not have` });
  }
  const used = new Map<number, string>();
  for (const [key, index] of Object.entries(mapping)) {
    const other = used.get(index);
    if (other !== undefined) errors.push({ row: 1, field: key, message: `uses the same column as ${other}` });
    used.set(index, key);
  }
  for (const target of targets) if (target.required && !Object.hasOwn(mapping, target.key)) errors.push({ row: 1, field: target.key, message: "needs a column" });
  return errors;
}

/** Our own export protects cells a spreadsheet would run as formulas with a leading apostrophe: undone here. */
const unprotect = (cell: string) => {
  const text = cell.trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
};

/** The data rows (after the header) as target values; a row with fewer cells than the header gets "" for the rest. */
export function mapRows(records: readonly CsvRecord[], mapping: ColumnMapping): MappedRow[] {
  const entries = Object.entries(mapping);
  return records.slice(1).map((record, index) => ({
    row: index + 2,
    values: Object.fromEntries(entries.map(([key, column]) => [key, unprotect(record.cells[column] ?? "")])),
  }));
}

/** Collects row errors up to a limit (a file with every row wrong should not answer with a million lines). */
export class RowErrors {
  readonly list: RowError[] = [];
  total = 0;

  constructor(private readonly limit = 1000) {}

  add(row: number, field: string, message: string): void {
    this.total += 1;
    if (this.list.length < this.limit) this.list.push({ row, field, message });
  }

  get any(): boolean {
    return this.total > 0;
  }
}
