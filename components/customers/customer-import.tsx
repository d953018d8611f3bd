"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import type { CustomerFieldView } from "@/app/_server/customers/manage-customer-fields";
import { apiErrorSchema, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";

const BASE_COLUMN_KEYS = ["name", "phones", "memberLevel", "tags", "timeZone", "preferredLanguage", "file"] as const;
const rowErrorSchema = z.object({ row: z.number(), field: z.string(), message: z.string() });
const previewSchema = z.object({
  encoding: z.string(),
  header: z.array(z.string()),
  mapping: z.record(z.string(), z.number()),
  targets: z.array(z.object({ key: z.string(), required: z.boolean() })),
  sample: z.array(z.array(z.string())),
  rows: z.number(),
  errors: z.array(rowErrorSchema),
  errorCount: z.number(),
});
type Preview = z.infer<typeof previewSchema>;
const resultSchema = z.object({ created: z.number(), updated: z.number(), encoding: z.string() });
const failureSchema = z.object({ error: apiErrorSchema.and(z.object({ errors: z.array(rowErrorSchema).catch([]), errorCount: z.number().catch(0) })) });

async function postFile(file: File, mapping: Record<string, number> | null, commit: boolean): Promise<{ ok: true; data: unknown } | { ok: false; error: ApiError; rowErrors: z.infer<typeof rowErrorSchema>[]; errorCount: number }> {
  const query = new URLSearchParams({ commit: commit ? "1" : "0", ...(mapping === null ? {} : { mapping: JSON.stringify(mapping) }) });
  try {
    const response = await fetch(`/api/customers/import?${query}`, { method: "POST", headers: { "content-type": "text/csv" }, body: file, cache: "no-store" });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: body };
    const failure = failureSchema.safeParse(body);
    return failure.success
      ? { ok: false, error: failure.data.error, rowErrors: failure.data.error.errors, errorCount: failure.data.error.errorCount }
      : { ok: false, error: { code: `http_${response.status}`, message: response.statusText }, rowErrors: [], errorCount: 0 };
  } catch (error) {
    return { ok: false, error: { code: "network_error", message: error instanceof Error ? error.message : String(error) }, rowErrors: [], errorCount: 0 };
  }
}

/** Upload → column mapping with every row problem → import (all rows or none). */
export function CustomerImport({ fields }: { fields: CustomerFieldView[] }) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<z.infer<typeof resultSchema> | null>(null);
  const targetLabel = (key: string) => {
    const field = fields.find((candidate) => `attributes.${candidate.key}` === key);
    if (field !== undefined) return locale === "en" ? field.labelEn : field.labelZh;
    const column = BASE_COLUMN_KEYS.find((candidate) => candidate === key);
    return column === undefined ? key : t(`column_${column}`);
  };
  const check = async (chosen: File, chosenMapping: Record<string, number> | null) => {
    setError(null);
    setDone(null);
    const result = await postFile(chosen, chosenMapping, false);
    if (!result.ok) return setError(result.error);
    const parsed = previewSchema.parse(result.data);
    setPreview(parsed);
    setMapping(parsed.mapping);
  };
  const commit = async () => {
    if (file === null) return;
    setError(null);
    const result = await postFile(file, mapping, true);
    if (!result.ok) {
      setError(result.error);
      if (preview !== null) setPreview({ ...preview, errors: result.rowErrors, errorCount: result.errorCount });
      return;
    }
    setDone(resultSchema.parse(result.data));
    setPreview(null);
    router.refresh();
  };
  const choose = (key: string, column: string) => {
    const { [key]: _dropped, ...rest } = mapping;
    const next = column === "" ? rest : { ...rest, [key]: Number(column) };
    setMapping(next);
    if (file !== null) void check(file, next);
  };
  return (
    <section className="card stack" style={{ padding: 16 }} data-testid="customer-import">
      <h2>{t("importTitle")}</h2>
      <div className="muted">{t("importHelp")}</div>
      <label>
        {t("chooseFile")}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="import-file"
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setFile(chosen);
            setPreview(null);
            if (chosen !== null) void check(chosen, null);
          }}
        />
      </label>
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
      {done && (
        <div className="alert success" data-testid="import-done">
          {t("imported", { created: done.created, updated: done.updated })}
        </div>
      )}
      {preview && (
        <div className="stack" data-testid="import-preview">
          <div className="muted">{t("previewSummary", { rows: preview.rows, encoding: preview.encoding.toUpperCase() })}</div>
          <table className="data" data-testid="import-mapping">
            <thead>
              <tr>
                <th>{t("targetField")}</th>
                <th>{t("fileColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.targets.map((target) => (
                <tr key={target.key}>
                  <td>
                    {targetLabel(target.key)}
                    {target.required ? " *" : ""}
                  </td>
                  <td>
                    <select value={mapping[target.key] ?? ""} onChange={(event) => choose(target.key, event.target.value)} data-testid={`map-${target.key}`}>
                      <option value="">{t("notImported")}</option>
                      {preview.header.map((column, index) => (
                        <option key={index} value={index}>
                          {column === "" ? t("columnNumber", { number: index + 1 }) : column}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.errorCount > 0 ? (
            <div className="alert error" data-testid="import-errors">
              <strong>{t("rowErrors", { count: preview.errorCount })}</strong>
              <ul>
                {preview.errors.map((problem) => (
                  <li key={`${problem.row}:${problem.field}:${problem.message}`} data-testid="import-error">
                    {problem.row === 0 ? t("theFile") : t("rowNumber", { row: problem.row })}
                    {locale === "en" ? ", " : "，"}
                    {targetLabel(problem.field)}
                    {locale === "en" ? ": " : "："}
                    <span data-user-data>{problem.message}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div>
              <button type="button" className="primary" onClick={() => void commit()} data-testid="import-commit">
                {t("importRows", { rows: preview.rows })}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
