import { randomUUID } from "node:crypto";
import { prisma, type PrismaClient } from "@/prisma/client";
import { Prisma } from "@/prisma/generated/client";
import type { AppLocale } from "@/app/_i18n/locales";
import { AppError } from "@/app/_server/http/app-error";
import { importPreview, type ImportPreview } from "@/app/_server/csv-import/import-preview";
import { RowErrors, type ColumnMapping, type MappedRow } from "@/app/_server/csv-import/map-columns";
import { readCsvImport } from "@/app/_server/csv-import/read-csv-import";
import { checkContact } from "./check-contact";
import { contactFieldName, contactImportTargets } from "./contact-import-targets";

interface ImportedContact {
  row: number;
  phone: string;
  name: string | null;
  timeZone: string | null;
  fields: Record<string, string>;
}

/** Rows whose number is already in the file (merged into its first row) or already in the campaign (merged into that contact). */
export interface ContactDuplicates {
  inFile: number;
  existing: number;
}

export type ContactImportPreview = ImportPreview & { duplicates: ContactDuplicates };

const text = (locale: AppLocale, en: string, zh: string) => (locale === "en" ? en : zh);
const optional = (value: string | undefined) => (value === undefined || value === "" ? null : value);
const NAME_LIMIT = 200;
const FIELD_VALUE_LIMIT = 1000;

function checkRow(row: MappedRow, errors: RowErrors, locale: AppLocale): ImportedContact | null {
  const before = errors.total;
  const timeZone = optional(row.values.timeZone);
  const checked = checkContact(row.values.phone ?? "", timeZone, locale);
  if (!checked.ok) errors.add(row.row, checked.field, checked.message);
  const name = optional(row.values.name);
  if (name !== null && name.length > NAME_LIMIT) errors.add(row.row, "name", text(locale, `Name can have at most ${NAME_LIMIT} characters`, `姓名最多 ${NAME_LIMIT} 个字符`));
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(row.values)) {
    const field = contactFieldName(key);
    if (field === null || value === "") continue;
    if (value.length > FIELD_VALUE_LIMIT) errors.add(row.row, key, text(locale, `${field} can have at most ${FIELD_VALUE_LIMIT} characters`, `${field}最多 ${FIELD_VALUE_LIMIT} 个字符`));
    else fields[field] = value;
  }
  if (errors.total > before || !checked.ok) return null;
  return { row: row.row, phone: checked.phone, name, timeZone, fields };
}

/** A later row with the same number fills in what the first lacks; the first row's values win. */
function mergeInto(first: ImportedContact, later: ImportedContact): void {
  first.name ??= later.name;
  first.timeZone ??= later.timeZone;
  first.fields = { ...later.fields, ...first.fields };
}

async function requireDraft(db: Pick<PrismaClient, "$queryRaw">, campaignId: string, lock: boolean): Promise<void> {
  const rows = lock
    ? await db.$queryRaw<{ state: string }[]>`SELECT "state" FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`
    : await db.$queryRaw<{ state: string }[]>`SELECT "state" FROM "Campaign" WHERE "id" = ${campaignId}`;
  const [campaign] = rows;
  if (campaign === undefined) throw new AppError(404, "campaign_not_found", `Campaign ${campaignId} does not exist.`, { campaignId });
  if (campaign.state !== "draft") throw new AppError(409, "campaign_state", `A contact list is imported into a draft campaign; this one is ${campaign.state}.`, { campaignId, state: campaign.state });
}

type Checked = { preview: ContactImportPreview; contacts: ImportedContact[] };

async function checkFile(db: PrismaClient, campaignId: string, bytes: Uint8Array, mapping: ColumnMapping | null, locale: AppLocale): Promise<Checked> {
  const read = readCsvImport(bytes, contactImportTargets, mapping);
  if (!read.ok) return { preview: { ...importPreview(read, null), duplicates: { inFile: 0, existing: 0 } }, contacts: [] };
  const errors = new RowErrors();
  const byPhone = new Map<string, ImportedContact>();
  let inFile = 0;
  for (const row of read.rows) {
    const contact = checkRow(row, errors, locale);
    if (contact === null) continue;
    const first = byPhone.get(contact.phone);
    if (first === undefined) byPhone.set(contact.phone, contact);
    else {
      mergeInto(first, contact);
      inFile += 1;
    }
  }
  const phones = [...byPhone.keys()];
  const existing = phones.length === 0 ? [] : await db.$queryRaw<{ phone: string }[]>`SELECT "phone" FROM "CampaignContact" WHERE "campaignId" = ${campaignId} AND "phone" = ANY(${phones}::text[])`;
  return { preview: { ...importPreview(read, errors), duplicates: { inFile, existing: existing.length } }, contacts: [...byPhone.values()] };
}

/** The mapping step: what the file holds, the mapping (guessed or chosen), duplicates and every row problem; nothing written. */
export async function previewContactImport(locale: AppLocale, campaignId: string, bytes: Uint8Array, mapping: ColumnMapping | null, db: PrismaClient = prisma()): Promise<ContactImportPreview> {
  await requireDraft(db, campaignId, false);
  return (await checkFile(db, campaignId, bytes, mapping, locale)).preview;
}

export interface ContactImportResult {
  added: number;
  merged: ContactDuplicates;
  encoding: string;
}

const CHUNK = 10_000;

/**
 * Imports every row or none into a draft campaign: any problem refuses the whole file (422 with the
 * rows and fields) and the writes run in one transaction holding the campaign's row, so it cannot be
 * started halfway. A number already in the campaign keeps its contact, which gains the name, zone and
 * fields it lacked.
 */
export async function importContacts(locale: AppLocale, campaignId: string, bytes: Uint8Array, mapping: ColumnMapping | null, db: PrismaClient = prisma()): Promise<ContactImportResult> {
  await requireDraft(db, campaignId, false);
  const { preview, contacts } = await checkFile(db, campaignId, bytes, mapping, locale);
  if (preview.errorCount > 0) {
    throw new AppError(422, "import_rejected", `The file has ${preview.errorCount} problem(s); nothing was imported.`, { errors: preview.errors, errorCount: preview.errorCount, mapping: preview.mapping });
  }
  let added = 0;
  await db.$transaction(
    async (tx) => {
      await requireDraft(tx, campaignId, true);
      for (let start = 0; start < contacts.length; start += CHUNK) {
        const rows = JSON.stringify(contacts.slice(start, start + CHUNK).map(({ phone, name, timeZone, fields }) => ({ id: randomUUID(), phone, name, timeZone, fields })));
        // xmax = 0 marks a row this statement inserted; an updated (merged) row has the updating transaction's id.
        const written = await tx.$queryRaw<{ inserted: boolean }[]>`
          INSERT INTO "CampaignContact" ("id", "campaignId", "phone", "name", "timeZone", "fields")
          SELECT r."id", ${campaignId}, r."phone", r."name", r."timeZone", r."fields"
          FROM jsonb_to_recordset(${rows}::jsonb) AS r("id" text, "phone" text, "name" text, "timeZone" text, "fields" jsonb)
          ON CONFLICT ("campaignId", "phone") DO UPDATE SET
            "name" = COALESCE("CampaignContact"."name", EXCLUDED."name"),
            "timeZone" = COALESCE("CampaignContact"."timeZone", EXCLUDED."timeZone"),
            "fields" = EXCLUDED."fields" || "CampaignContact"."fields"
          RETURNING (xmax = 0) AS "inserted"`;
        added += written.filter((row) => row.inserted).length;
      }
    },
    { timeout: 120_000, maxWait: 10_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
  return { added, merged: { inFile: preview.duplicates.inFile, existing: contacts.length - added }, encoding: preview.encoding };
}
