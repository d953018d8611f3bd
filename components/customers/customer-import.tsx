"use client";

import { useLocale, useTranslations } from "next-intl";
import { z } from "zod";
import type { CustomerFieldView } from "@/app/_server/customers/manage-customer-fields";
import { CsvImportPanel } from "@/components/csv-import/csv-import-panel";

const BASE_COLUMN_KEYS = ["name", "phones", "memberLevel", "tags", "timeZone", "preferredLanguage", "file"] as const;
const resultSchema = z.object({ created: z.number(), updated: z.number(), encoding: z.string() });

/** The customers' import: the shared upload → mapping → import panel with the customer fields' labels. */
export function CustomerImport({ fields }: { fields: CustomerFieldView[] }) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const targetLabel = (key: string) => {
    const field = fields.find((candidate) => `attributes.${candidate.key}` === key);
    if (field !== undefined) return locale === "en" ? field.labelEn : field.labelZh;
    const column = BASE_COLUMN_KEYS.find((candidate) => candidate === key);
    return column === undefined ? key : t(`column_${column}`);
  };
  return (
    <CsvImportPanel
      endpoint="/api/customers/import"
      title={t("importTitle")}
      help={t("importHelp")}
      targetLabel={targetLabel}
      doneMessage={(result) => {
        const done = resultSchema.parse(result);
        return t("imported", { created: done.created, updated: done.updated });
      }}
      testId="customer-import"
    />
  );
}
