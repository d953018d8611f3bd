import { randomUUID } from "node:crypto";
import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { Prisma } from "@/prisma/generated/client";
import type { AppLocale } from "@/app/_i18n/locales";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import type { ColumnMapping, MappedRow } from "@/app/_server/csv-import/map-columns";
import { importPreview, type ImportPreview } from "@/app/_server/csv-import/import-preview";
import { RowErrors } from "@/app/_server/csv-import/map-columns";
import { readCsvImport } from "@/app/_server/csv-import/read-csv-import";
import { customerImportTargets, splitList } from "./customer-import-targets";
import { languageTagSchema, tagSchema, timeZoneSchema } from "./customer-inputs";
import { checkAttributes, type FieldRule } from "./field-rules";
import { listCustomerFields } from "./manage-customer-fields";
import { normalizePhones } from "./normalize-phones";

interface ImportedCustomer {
  row: number;
  /** Set when the row's phones already belong to a customer: that one is updated. */
  existingId: string | null;
  name: string;
  memberLevel: string | null;
  tags: string[];
  timeZone: string | null;
  preferredLanguage: string | null;
  attributes: Record<string, string | number>;
  phones: string[];
}

interface ExistingCustomer {
  id: string;
  memberLevel: string | null;
  tags: string[];
  timeZone: string | null;
  preferredLanguage: string | null;
  attributes: unknown;
}

const text = (locale: AppLocale, en: string, zh: string) => (locale === "en" ? en : zh);
const attributesSchema = z.record(z.string(), z.unknown()).catch({});
const optional = (value: string | undefined) => (value === undefined || value === "" ? null : value);

/** Checks one row; every problem goes to `errors` with the row and field. */
function checkRow(row: MappedRow, fields: readonly FieldRule[], existingByPhone: ReadonlyMap<string, ExistingCustomer>, errors: RowErrors, locale: AppLocale): ImportedCustomer | null {
  const before = errors.total;
  const values = row.values;
  const name = values.name ?? "";
  if (name === "") errors.add(row.row, "name", text(locale, "Name is required", "姓名为必填项"));
  else if (name.length > 200) errors.add(row.row, "name", text(locale, "Name can have at most 200 characters", "姓名最多 200 个字符"));
  const phones = normalizePhones(splitList(values.phones ?? ""), locale);
  if (phones.ok && phones.numbers.length === 0) errors.add(row.row, "phones", text(locale, "At least one phone number is required", "至少需要一个电话号码"));
  if (!phones.ok) for (const problem of phones.problems) errors.add(row.row, "phones", problem.message);
  const memberLevel = optional(values.memberLevel);
  if (memberLevel !== null && memberLevel.length > 50) errors.add(row.row, "memberLevel", text(locale, "Member level can have at most 50 characters", "会员等级最多 50 个字符"));
  const tags = [...new Set(splitList(values.tags ?? ""))];
  if (tags.some((tag) => !tagSchema.safeParse(tag).success)) errors.add(row.row, "tags", text(locale, "Each tag can have at most 50 characters", "每个标签最多 50 个字符"));
  const timeZone = optional(values.timeZone);
  if (timeZone !== null && !timeZoneSchema.safeParse(timeZone).success) errors.add(row.row, "timeZone", text(locale, `"${timeZone}" is not a time zone such as Asia/Shanghai`, `“${timeZone}”不是时区，例如 Asia/Shanghai`));
  const preferredLanguage = optional(values.preferredLanguage);
  if (preferredLanguage !== null && !languageTagSchema.safeParse(preferredLanguage).success) errors.add(row.row, "preferredLanguage", text(locale, `"${preferredLanguage}" is not a language code such as zh-CN`, `“${preferredLanguage}”不是语言代码，例如 zh-CN`));

  const owners = new Set((phones.ok ? phones.numbers : []).flatMap((number) => existingByPhone.get(number)?.id ?? []));
  if (owners.size > 1) errors.add(row.row, "phones", text(locale, "These phone numbers belong to different customers", "这些电话号码属于不同的客户"));
  const [existingId] = owners;
  const existing = existingId === undefined ? undefined : (phones.ok ? phones.numbers : []).map((number) => existingByPhone.get(number)).find((candidate) => candidate !== undefined);
  // Columns not in the file keep the customer's values; the row's own fields are checked with the rest.
  const fromRow = Object.fromEntries(Object.entries(values).flatMap(([key, value]) => (key.startsWith("attributes.") ? [[key.slice("attributes.".length), value]] : [])));
  const attributes = checkAttributes(fields, { ...attributesSchema.parse(existing?.attributes ?? {}), ...fromRow }, locale);
  if (!attributes.ok) for (const problem of attributes.problems) errors.add(row.row, problem.field, problem.message);
  if (errors.total > before || !phones.ok || !attributes.ok) return null;
  // A column the file does not have keeps what the customer had.
  const has = (key: string) => Object.hasOwn(values, key);
  return {
    row: row.row,
    existingId: existingId ?? null,
    name,
    memberLevel: has("memberLevel") ? memberLevel : (existing?.memberLevel ?? null),
    tags: has("tags") ? tags : (existing?.tags ?? []),
    timeZone: has("timeZone") ? timeZone : (existing?.timeZone ?? null),
    preferredLanguage: has("preferredLanguage") ? preferredLanguage : (existing?.preferredLanguage ?? null),
    attributes: attributes.attributes,
    phones: phones.numbers,
  };
}

/** A number in two rows of the file: the later row is wrong, naming the first. */
function checkRepeatedPhones(customers: readonly ImportedCustomer[], errors: RowErrors, locale: AppLocale): void {
  const firstRow = new Map<string, number>();
  for (const customer of customers) {
    for (const number of customer.phones) {
      const first = firstRow.get(number);
      if (first === undefined) firstRow.set(number, customer.row);
      else errors.add(customer.row, "phones", text(locale, `${number} is also in row ${first}`, `${number} 与第 ${first} 行重复`));
    }
  }
}

async function loadExisting(db: PrismaClient, numbers: string[]): Promise<Map<string, ExistingCustomer>> {
  if (numbers.length === 0) return new Map();
  const rows = await db.$queryRaw<(ExistingCustomer & { number: string })[]>`
    SELECT p."number", c."id", c."memberLevel", c."tags", c."timeZone", c."preferredLanguage", c."attributes" FROM "CustomerPhone" p JOIN "Customer" c ON c."id" = p."customerId"
    WHERE p."number" = ANY(${numbers}::text[])`;
  return new Map(rows.map(({ number, ...customer }) => [number, customer]));
}

type Checked = { preview: ImportPreview; customers: ImportedCustomer[] };

async function checkFile(bytes: Uint8Array, mapping: ColumnMapping | null, locale: AppLocale, db: PrismaClient): Promise<Checked> {
  const fields = await listCustomerFields(db);
  const targets = customerImportTargets(fields);
  const read = readCsvImport(bytes, targets, mapping);
  if (!read.ok) return { preview: importPreview(read, null), customers: [] };
  const errors = new RowErrors();
  const rawNumbers = read.rows.flatMap((row) => {
    const phones = normalizePhones(splitList(row.values.phones ?? ""), locale);
    return phones.ok ? phones.numbers : [];
  });
  const existing = await loadExisting(db, [...new Set(rawNumbers)]);
  const customers = read.rows.flatMap((row) => checkRow(row, fields, existing, errors, locale) ?? []);
  checkRepeatedPhones(customers, errors, locale);
  return { preview: importPreview(read, errors), customers };
}

/** The mapping step: what the file holds, the mapping (guessed or chosen) and every problem, nothing written. */
export async function previewCustomerImport(session: Session, bytes: Uint8Array, mapping: ColumnMapping | null, db: PrismaClient = prisma()): Promise<ImportPreview> {
  return (await checkFile(bytes, mapping, session.locale, db)).preview;
}

export interface ImportResult {
  created: number;
  updated: number;
  encoding: string;
}

const CHUNK = 10_000;

/**
 * Imports every row or none: any problem refuses the whole file (422 with the rows and fields), and
 * the writes run in one transaction, so a failure halfway leaves the customers as they were.
 */
export async function importCustomers(session: Session, bytes: Uint8Array, mapping: ColumnMapping | null, db: PrismaClient = prisma()): Promise<ImportResult> {
  const { preview, customers } = await checkFile(bytes, mapping, session.locale, db);
  if (preview.errorCount > 0) {
    throw new AppError(422, "import_rejected", `The file has ${preview.errorCount} problem(s); nothing was imported.`, { errors: preview.errors, errorCount: preview.errorCount, mapping: preview.mapping });
  }
  const fresh = customers.filter((customer) => customer.existingId === null).map((customer) => ({ ...customer, id: randomUUID() }));
  const updates = customers.filter((customer) => customer.existingId !== null);
  await db.$transaction(
    async (tx) => {
      for (let start = 0; start < fresh.length; start += CHUNK) {
        const chunk = fresh.slice(start, start + CHUNK);
        const rows = JSON.stringify(chunk.map(({ id, name, memberLevel, tags, timeZone, preferredLanguage, attributes }) => ({ id, name, memberLevel, tags, timeZone, preferredLanguage, attributes })));
        await tx.$executeRaw`
          INSERT INTO "Customer" ("id", "name", "memberLevel", "tags", "timeZone", "preferredLanguage", "attributes", "updatedAt")
          SELECT r."id", r."name", r."memberLevel", r."tags", r."timeZone", r."preferredLanguage", r."attributes", now()
          FROM jsonb_to_recordset(${rows}::jsonb) AS r("id" text, "name" text, "memberLevel" text, "tags" text[], "timeZone" text, "preferredLanguage" text, "attributes" jsonb)`;
        const phones = JSON.stringify(chunk.flatMap((customer) => customer.phones.map((number) => ({ id: randomUUID(), customerId: customer.id, number }))));
        await tx.$executeRaw`
          INSERT INTO "CustomerPhone" ("id", "customerId", "number")
          SELECT r."id", r."customerId", r."number" FROM jsonb_to_recordset(${phones}::jsonb) AS r("id" text, "customerId" text, "number" text)`;
      }
      if (updates.length > 0) {
        const rows = JSON.stringify(updates.map(({ existingId, name, memberLevel, tags, timeZone, preferredLanguage, attributes }) => ({ id: existingId, name, memberLevel, tags, timeZone, preferredLanguage, attributes })));
        await tx.$executeRaw`
          UPDATE "Customer" c SET "name" = r."name", "memberLevel" = r."memberLevel", "tags" = r."tags",
                 "timeZone" = r."timeZone", "preferredLanguage" = r."preferredLanguage", "attributes" = r."attributes", "updatedAt" = now()
          FROM jsonb_to_recordset(${rows}::jsonb) AS r("id" text, "name" text, "memberLevel" text, "tags" text[], "timeZone" text, "preferredLanguage" text, "attributes" jsonb)
          WHERE c."id" = r."id"`;
        // A row may add numbers to the customer it updates; the ones it had stay.
        const phones = JSON.stringify(updates.flatMap((customer) => customer.phones.map((number) => ({ id: randomUUID(), customerId: customer.existingId, number }))));
        await tx.$executeRaw`
          INSERT INTO "CustomerPhone" ("id", "customerId", "number")
          SELECT r."id", r."customerId", r."number" FROM jsonb_to_recordset(${phones}::jsonb) AS r("id" text, "customerId" text, "number" text)
          ON CONFLICT ("number") DO NOTHING`;
      }
      await writeAudit(tx, session, { action: "customer.import", targetType: "customer", targetId: "import", details: { created: fresh.length, updated: updates.length, encoding: preview.encoding, rows: preview.rows } });
    },
    { timeout: 120_000, maxWait: 10_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
  return { created: fresh.length, updated: updates.length, encoding: preview.encoding };
}
