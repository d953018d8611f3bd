"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { z } from "zod";
import { isErrorCode } from "@/app/_i18n/error-codes";
import { fieldMessage } from "@/app/_i18n/field-message";
import type { ApiError } from "./api-request";
import { IssueList, issueViewSchema } from "./issue-list";
import { dateTimeFormat } from "@/components/date-format";

/** The optional details our API errors carry; each one only for some codes. */
const detailsSchema = z.object({
  fields: z.array(z.object({ field: z.string(), message: z.string() })).catch([]),
  issues: z.array(issueViewSchema).catch([]),
  value: z.string().catch(""),
  kind: z.string().catch(""),
  limit: z.number().catch(0),
  takenBy: z.object({ flowName: z.string() }).nullable().catch(null),
  updatedBy: z.object({ name: z.string() }).nullable().catch(null),
  updatedAt: z.string().catch(""),
  entryPoints: z.array(z.object({ value: z.string() })).catch([]),
});

export function ErrorAlert({ error, onDismiss }: { error: ApiError; onDismiss?: () => void }) {
  const t = useTranslations("errors");
  const tCommon = useTranslations("common");
  const format = useFormatter();
  const locale = useLocale();
  const tField = useTranslations("fieldMessages");
  const details = detailsSchema.parse(error);
  const updatedAt = details.updatedAt ? format.dateTime(new Date(details.updatedAt), dateTimeFormat) : "";
  const values = {
    value: details.value,
    kind: details.kind,
    limitMb: Math.round((details.limit / 1024 / 1024) * 10) / 10,
    flow: details.takenBy?.flowName ?? "",
    user: details.updatedBy?.name ?? "?",
    time: updatedAt,
    list: details.entryPoints.map((entry) => entry.value).join(", "),
  };
  const text = isErrorCode(error.code) ? t(error.code, values) : error.message;
  return (
    <div className="alert error" role="alert">
      <div className="row">
        <strong>{text}</strong>
        <span className="spacer" />
        {onDismiss && (
          <button type="button" className="link" onClick={onDismiss}>
            {tCommon("dismiss")}
          </button>
        )}
      </div>
      {details.fields.length > 0 && (
        <ul>
          {details.fields.map((field) => (
            <li key={`${field.field}:${field.message}`}>
              <code>{field.field}</code>
              {locale === "en" ? ": " : "："}
              {fieldMessage(field.message, locale, tField)}
            </li>
          ))}
        </ul>
      )}
      {details.issues.length > 0 && <IssueList issues={details.issues} />}
    </div>
  );
}
