"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";
import { CsvImportPanel } from "@/components/csv-import/csv-import-panel";

const FIELD_PREFIX = "fields.";
const COLUMN_KEYS = ["phone", "name", "timeZone", "file"] as const;
const duplicatesSchema = z.object({ inFile: z.number(), existing: z.number() });
const previewSchema = z.object({ duplicates: duplicatesSchema });
const resultSchema = z.object({ added: z.number(), merged: duplicatesSchema });

/** A draft campaign's contact list from a CSV file: the shared mapping panel, other columns as contact fields. */
export function ContactImport({ campaign }: { campaign: { id: string; name: string } }) {
  const t = useTranslations("campaigns");
  const targetLabel = (key: string) => {
    if (key.startsWith(FIELD_PREFIX)) return t("contactField", { name: key.slice(FIELD_PREFIX.length) });
    const column = COLUMN_KEYS.find((candidate) => candidate === key);
    return column === undefined ? key : t(`column_${column}`);
  };
  return (
    <CsvImportPanel
      key={campaign.id}
      endpoint={`/api/campaigns/${encodeURIComponent(campaign.id)}/contacts/import`}
      title={t("importTitle", { name: campaign.name })}
      help={t("importHelp")}
      targetLabel={targetLabel}
      previewNote={(preview) => {
        const parsed = previewSchema.safeParse(preview);
        return parsed.success ? ` ${t("duplicatesPreview", parsed.data.duplicates)}` : null;
      }}
      doneMessage={(result) => {
        const done = resultSchema.parse(result);
        return t("imported", { added: done.added, ...done.merged });
      }}
      testId="contact-import"
    />
  );
}
