"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { fieldSuggestions } from "@/components/designer/forms/field-suggestions";
import type { PretendFormState } from "./pretend-state";

export interface HttpNodeChoice {
  id: string;
  label: string;
}

/** What a test call pretends: the time, the caller and the line, the language, variables and HTTP answers. */
export function PretendForm({
  value,
  onChange,
  httpNodes,
  open = false,
}: {
  value: PretendFormState;
  onChange: (next: PretendFormState) => void;
  httpNodes: readonly HttpNodeChoice[];
  /** Shown unfolded (when editing a saved case). */
  open?: boolean;
}) {
  const t = useTranslations("testCases.pretend");
  const locale = useLocale();
  const zones = useMemo(() => fieldSuggestions("timezone", locale === "en" ? "en" : "zh-CN"), [locale]);
  const languages = useMemo(() => fieldSuggestions("language", locale === "en" ? "en" : "zh-CN"), [locale]);
  const set = (patch: Partial<PretendFormState>) => onChange({ ...value, ...patch });
  const cannedIds = new Set(value.http.map((row) => row.nodeId));

  return (
    <details className="pretend" data-testid="pretend-form" open={open}>
      <summary>{t("title")}</summary>
      <p className="field-help">{t("intro")}</p>
      <label className="inline-check">
        <input type="checkbox" checked={value.clockOn} onChange={(event) => set({ clockOn: event.target.checked })} data-testid="pretend-clock-on" /> {t("clock")}
      </label>
      {value.clockOn && (
        <div className="row wrap">
          <label>
            {t("date")}
            <input type="date" value={value.date} onChange={(event) => set({ date: event.target.value })} data-testid="pretend-date" />
          </label>
          <label>
            {t("time")}
            <input type="time" value={value.time} onChange={(event) => set({ time: event.target.value })} data-testid="pretend-time" />
          </label>
          <label>
            {t("timeZone")}
            <select value={value.timeZone} onChange={(event) => set({ timeZone: event.target.value })} data-testid="pretend-time-zone">
              {zones.map((zone) => (
                <option key={zone.value} value={zone.value}>
                  {zone.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="row wrap">
        <label>
          {t("caller")}
          <input inputMode="tel" value={value.caller} placeholder={t("callerHint")} onChange={(event) => set({ caller: event.target.value })} data-testid="pretend-caller" />
        </label>
        <label>
          {t("dialed")}
          <input inputMode="tel" value={value.dialed} placeholder={t("dialedHint")} onChange={(event) => set({ dialed: event.target.value })} data-testid="pretend-dialed" />
        </label>
        <label>
          {t("language")}
          <select value={value.language} onChange={(event) => set({ language: event.target.value })} data-testid="pretend-language">
            <option value="">{t("flowLanguage")}</option>
            {languages.map((language) => (
              <option key={language.value} value={language.value}>
                {language.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t("variables")}</legend>
        {value.variables.map((row, index) => (
          <div className="row" key={index}>
            <input
              aria-label={t("variableName")}
              placeholder={t("variableNameHint")}
              value={row.name}
              onChange={(event) => set({ variables: value.variables.map((other, at) => (at === index ? { ...other, name: event.target.value } : other)) })}
              data-testid="pretend-variable-name"
            />
            <input
              aria-label={t("variableValue")}
              placeholder={t("variableValueHint")}
              value={row.value}
              onChange={(event) => set({ variables: value.variables.map((other, at) => (at === index ? { ...other, value: event.target.value } : other)) })}
              data-testid="pretend-variable-value"
            />
            <button type="button" className="link" onClick={() => set({ variables: value.variables.filter((_, at) => at !== index) })}>
              {t("remove")}
            </button>
          </div>
        ))}
        <button type="button" className="link" onClick={() => set({ variables: [...value.variables, { name: "", value: "" }] })} data-testid="pretend-add-variable">
          {t("addVariable")}
        </button>
      </fieldset>
      {httpNodes.length > 0 && (
        <fieldset>
          <legend>{t("http")}</legend>
          {httpNodes.map((node) => {
            const index = value.http.findIndex((row) => row.nodeId === node.id);
            const row = value.http[index];
            return (
              <div key={node.id} className="stack" data-testid="pretend-http" data-node-id={node.id}>
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={cannedIds.has(node.id)}
                    onChange={(event) =>
                      set({ http: event.target.checked ? [...value.http, { nodeId: node.id, status: "200", body: "{}" }] : value.http.filter((other) => other.nodeId !== node.id) })
                    }
                  />{" "}
                  {t("cannedFor", { node: node.label })}
                </label>
                {row !== undefined && (
                  <div className="row wrap">
                    <label>
                      {t("status")}
                      <input type="number" min={100} max={599} value={row.status} onChange={(event) => set({ http: value.http.map((other, at) => (at === index ? { ...other, status: event.target.value } : other)) })} />
                    </label>
                    <label className="grow">
                      {t("body")}
                      <textarea rows={3} value={row.body} onChange={(event) => set({ http: value.http.map((other, at) => (at === index ? { ...other, body: event.target.value } : other)) })} />
                    </label>
                  </div>
                )}
              </div>
            );
          })}
        </fieldset>
      )}
    </details>
  );
}
