import type { CsvImportRead } from "./read-csv-import";
import type { ColumnMapping, RowError, RowErrors } from "./map-columns";

/** The mapping step of an import, as the admin pages show it: nothing written yet. */
export interface ImportPreview {
  encoding: string;
  header: string[];
  mapping: ColumnMapping;
  targets: { key: string; required: boolean }[];
  sample: string[][];
  rows: number;
  errors: RowError[];
  errorCount: number;
}

/** The preview of a read file and the row problems the caller found in it (sorted by row). */
export function importPreview(read: CsvImportRead, rowErrors: RowErrors | null): ImportPreview {
  const base = { encoding: read.encoding, header: read.header, mapping: read.mapping, targets: read.targets.map(({ key, required }) => ({ key, required })) };
  if (!read.ok) return { ...base, sample: [], rows: 0, errors: read.errors, errorCount: read.errors.length };
  const errors = [...(rowErrors?.list ?? [])].sort((a, b) => a.row - b.row);
  return { ...base, sample: read.sample, rows: read.rows.length, errors, errorCount: rowErrors?.total ?? 0 };
}
