import { decodeCsvBytes, type CsvEncoding } from "./decode-csv-bytes";
import { checkMapping, guessMapping, mapRows, type ColumnMapping, type ImportTarget, type MappedRow, type RowError } from "./map-columns";
import { parseCsv } from "./parse-csv";

export type CsvImportRead =
  | { ok: true; encoding: CsvEncoding; header: string[]; targets: readonly ImportTarget[]; mapping: ColumnMapping; rows: MappedRow[]; sample: string[][] }
  | { ok: false; encoding: CsvEncoding; header: string[]; targets: readonly ImportTarget[]; mapping: ColumnMapping; errors: RowError[] };

/** The fields a column may go to: fixed, or built from the header (e.g. one contact field per column). */
export type ImportTargets = readonly ImportTarget[] | ((header: readonly string[]) => readonly ImportTarget[]);

/**
 * The generic part of a CSV import (customers, outbound contact lists): decode the bytes, parse,
 * take the first record as the header, apply the mapping (or guess one), and turn the data rows
 * into target values. What the values mean is the caller's business.
 */
export function readCsvImport(bytes: Uint8Array, targetsOf: ImportTargets, mapping: ColumnMapping | null): CsvImportRead {
  const { text, encoding } = decodeCsvBytes(bytes);
  const parsed = parseCsv(text);
  const targetsFor = (header: readonly string[]) => (typeof targetsOf === "function" ? targetsOf(header) : targetsOf);
  if (!parsed.ok) {
    const message = parsed.problem === "unclosed-quote" ? `has a quote opened on line ${parsed.line} that is never closed` : `has text after a closing quote on line ${parsed.line}`;
    return { ok: false, encoding, header: [], targets: targetsFor([]), mapping: {}, errors: [{ row: 0, field: "file", message }] };
  }
  const [first] = parsed.records;
  if (first === undefined) return { ok: false, encoding, header: [], targets: targetsFor([]), mapping: {}, errors: [{ row: 0, field: "file", message: "is empty: the first row must name the columns" }] };
  const header = first.cells.map((cell) => cell.trim());
  const targets = targetsFor(header);
  const chosen = mapping ?? guessMapping(header, targets);
  const errors = checkMapping(chosen, header, targets);
  if (errors.length > 0) return { ok: false, encoding, header, targets, mapping: chosen, errors };
  const sample = parsed.records.slice(1, 6).map((record) => record.cells);
  return { ok: true, encoding, header, targets, mapping: chosen, rows: mapRows(parsed.records, chosen), sample };
}
