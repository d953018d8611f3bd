import { contactZone } from "@/flows-runtime/campaigns/contact-zone";
import { normalizePhone } from "@/flows-runtime/campaigns/phone-number";
import type { PrismaClient } from "@/prisma/client";
import { AppError } from "@/app/_server/http/app-error";
import type { ContactRows } from "./campaign-inputs";

/** A row that was not added, by its 1-based place in the request and the field that is wrong. */
export interface BadContactRow {
  row: number;
  field: "phone" | "timeZone";
  message: string;
}

const PHONE_MESSAGES: Record<"empty" | "not-a-number" | "bad-length", string> = {
  empty: "must not be empty",
  "not-a-number": "is not a phone number",
  "bad-length": "is not a valid mobile or landline number (E.164, or Chinese with area code)",
};

/**
 * Adds contacts to a draft or paused campaign: numbers normalised to E.164, a number already in the
 * campaign (or twice in the request) merged into the first, every bad row reported by row and field.
 */
export async function addContacts(db: PrismaClient, campaignId: string, rows: ContactRows["contacts"]): Promise<{ added: number; merged: number; bad: BadContactRow[] }> {
  const campaign = await db.campaign.findUnique({ where: { id: campaignId } });
  if (campaign === null) throw new AppError(404, "campaign_not_found", `Campaign ${campaignId} does not exist.`, { campaignId });
  if (campaign.state === "stopped" || campaign.state === "completed") throw new AppError(409, "campaign_ended", "An ended campaign takes no contacts.", { campaignId });
  const bad: BadContactRow[] = [];
  const good = new Map<string, (typeof rows)[number]>();
  let merged = 0;
  rows.forEach((row, index) => {
    const phone = normalizePhone(row.phone);
    if (!phone.ok) {
      bad.push({ row: index + 1, field: "phone", message: `phone "${row.phone}" ${PHONE_MESSAGES[phone.reason]}` });
      return;
    }
    const zone = contactZone({ phone: phone.e164, timeZone: row.timeZone });
    if (!zone.ok) {
      const message = zone.reason === "invalid-zone" ? `time zone "${row.timeZone ?? ""}" is not an IANA time zone` : `the number's country has several time zones: give the contact's time zone`;
      bad.push({ row: index + 1, field: "timeZone", message });
      return;
    }
    if (good.has(phone.e164)) merged += 1;
    else good.set(phone.e164, { ...row, phone: phone.e164 });
  });
  const created = await db.campaignContact.createMany({
    data: [...good.values()].map((row) => ({ campaignId, phone: row.phone, name: row.name, timeZone: row.timeZone, fields: row.fields })),
    skipDuplicates: true,
  });
  return { added: created.count, merged: merged + (good.size - created.count), bad };
}
