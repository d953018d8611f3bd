import { prisma, type PrismaClient } from "@/prisma/client";
import type { AppLocale } from "@/app/_i18n/locales";
import { csvLine } from "@/app/_server/audit/csv";
import { encodeCsvText, type CsvEncoding } from "@/app/_server/csv-import/decode-csv-bytes";
import { BASE_COLUMNS } from "./customer-import-targets";
import { customerInclude, customerView, type CustomerRowWithPhones } from "./customer-view";
import { listCustomerFields } from "./manage-customer-fields";

const BATCH = 5_000;

const cellOf = (value: unknown): string => (value === undefined || value === null ? "" : typeof value === "string" ? value : String(value));

/**
 * Every customer as CSV, with headers in the reader's language (the import recognises them in both),
 * phones and tags joined with ";", one column per attribute field. Read in batches by id.
 */
export async function exportCustomersCsv(locale: AppLocale, encoding: CsvEncoding, db: PrismaClient = prisma()): Promise<Buffer> {
  const fields = await listCustomerFields(db);
  const lines = [csvLine([...BASE_COLUMNS.map((column) => (locale === "en" ? column.en : column.zh)), ...fields.map((field) => (locale === "en" ? field.labelEn : field.labelZh))])];
  let after: string | null = null;
  for (;;) {
    const rows: CustomerRowWithPhones[] = await db.customer.findMany({ include: customerInclude, orderBy: { id: "asc" }, take: BATCH, ...(after === null ? {} : { cursor: { id: after }, skip: 1 }) });
    for (const customer of rows.map(customerView)) {
      lines.push(
        csvLine([
          customer.name,
          customer.phones.join(";"),
          customer.memberLevel,
          customer.tags.join(";"),
          customer.timeZone,
          customer.preferredLanguage,
          ...fields.map((field) => cellOf(customer.attributes[field.key])),
        ]),
      );
    }
    const last: CustomerRowWithPhones | undefined = rows.at(-1);
    if (last === undefined || rows.length < BATCH) break;
    after = last.id;
  }
  return encodeCsvText(lines.join(""), encoding);
}
