import type { PrismaClient } from "@/prisma/client";
import { AppError } from "@/app/_server/http/app-error";
import type { ContactRows } from "./campaign-inputs";
import { checkContact } from "./check-contact";

/** A row that was not added, by its 1-based place in the request and the field that is wrong. */
export interface BadContactRow {
  row: number;
  field: "phone" | "timeZone";
  message: string;
}

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
    const checked = checkContact(row.phone, row.timeZone, "en");
    if (!checked.ok) {
      bad.push({ row: index + 1, field: checked.field, message: checked.message });
      return;
    }
    if (good.has(checked.phone)) merged += 1;
    else good.set(checked.phone, { ...row, phone: checked.phone });
  });
  const created = await db.campaignContact.createMany({
    data: [...good.values()].map((row) => ({ campaignId, phone: row.phone, name: row.name, timeZone: row.timeZone, fields: row.fields })),
    skipDuplicates: true,
  });
  return { added: created.count, merged: merged + (good.size - created.count), bad };
}
