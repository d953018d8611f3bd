"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { apiErrorSchema, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";

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
const failureSchema = z.object({ error: apiErrorSchema.and(z.object({ errors: z.array(rowErrorSchema).catch([]), errorCount: z.number().catch(0) })) });

type Posted = { ok: true; data: unknown } | { ok: false; error: ApiError; rowErrors: z.infer<typeof rowErrorSchema>[]; errorCount: number };

async function postFile(endpoint: string, file: File, mapping: Record<string, number> | null, commit: boolean): Promise<Posted> {
  const query = new URLSearchParams({ commit: commit ? "1" : "0", ...(mapping === null ? {} : { mapping: JSON.stringify(mapping) }) });
  try {
    const response = await fetch(`${endpoint}?${query}`, { method: "POST", headers: { "content-type": "text/csv" }, body: file, cache: "no-store" });
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

export interface CsvImportPanelProps {
  /** The import route: POST the file, `?mapping=…&commit=0|1` (the `app/_server/csv-import` contract). */
  endpoint: string;
  title: string;
  help: string;
  /** A target field ("name", "attributes.points", "file" for problems of the whole file) in the UI's language. */
  targetLabel: (key: string) => string;
  /** The line shown after an import, from the route's answer. */
  doneMessage: (result: unknown) => string;
  /** More about the preview (e.g. duplicates), from the route's answer. */
  previewNote?: (preview: unknown) => ReactNode;
  testId: string;
}

/** Upload → column mapping with every row problem → import (all rows or none). */
export function CsvImportPanel({ endpoint, title, help, targetLabel, doneMessage, previewNote, testId }: CsvImportPanelProps) {
  const t = useTranslations("csvImport");
  const locale = useLocale();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<{ parsed: Preview; raw: unknown } | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const check = async (chosen: File, chosenMapping: Record<string, number> | null) => {
    setError(null);
    setDone(null);
    const result = await postFile(endpoint, chosen, chosenMapping, false);
    if (!result.ok) return setError(result.error);
    const parsed = previewSchema.parse(result.data);
    setPreview({ parsed, raw: result.data });
    setMapping(parsed.mapping);
  };
  const commit = async () => {
    if (file === null) return;
    setError(null);
    const result = await postFile(endpoint, file, mapping, true);
    if (!result.ok) {
      setError(result.error);
      if (preview !== null) setPreview({ ...preview, parsed: { ...preview.parsed, errors: result.rowErrors, errorCount: result.errorCount } });
      return;
    }
    setDone(doneMessage(result.data));
    setPreview(null);
    router.refresh();
  };
  const choose = (key: string, column: string) => {
    const { [key]: _dropped, ...rest } = mapping;
    const next = column === "" ? rest : { ...rest, [key]: Number(column) };
    setMapping(next);
    if (file !== null) void check(file, next);
  };
  const shown = preview?.parsed;
  return (
    <section className="card stack" style={{ padding: 16 }} data-testid={testId}>
      <h2>{title}</h2>
      <div className="muted">{help}</div>
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
          {done}
        </div>
      )}
      {shown && preview && (
        <div className="stack" data-testid="import-preview">
          <div className="muted">
            {t("previewSummary", { rows: shown.rows, encoding: shown.encoding.toUpperCase() })}
            {previewNote?.(preview.raw)}
          </div>
          <table className="data" data-testid="import-mapping">
            <thead>
              <tr>
                <th>{t("targetField")}</th>
                <th>{t("fileColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.targets.map((target) => (
                <tr key={target.key}>
                  <td>
                    {targetLabel(target.key)}
                    {target.required ? " *" : ""}
                  </td>
                  <td>
                    <select value={mapping[target.key] ?? ""} onChange={(event) => choose(target.key, event.target.value)} data-testid={`map-${target.key}`}>
                      <option value="">{t("notImported")}</option>
                      {shown.header.map((column, index) => (
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
          {shown.errorCount > 0 ? (
            <div className="alert error" data-testid="import-errors">
              <strong>{t("rowErrors", { count: shown.errorCount })}</strong>
              <ul>
                {shown.errors.map((problem) => (
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
                {t("importRows", { rows: shown.rows })}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
