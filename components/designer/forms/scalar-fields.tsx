"use client";

import { useTranslations } from "next-intl";
import { pick } from "@/flows-runtime/i18n/locales";
import { FlowSelect } from "./flow-select";
import { QueueSelect } from "./queue-select";
import { fieldSuggestions, languageName, numberOptionLabel } from "./field-suggestions";
import { hintKey, pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";
import type { FieldSpec } from "./field-spec";

type Props<K extends FieldSpec["kind"]> = { spec: Extract<FieldSpec, { kind: K }>; value: unknown; path: FieldPath; onChange: ChangeHandler; nullable?: boolean };

const lastName = (path: FieldPath): string => [...path].reverse().find((segment): segment is string => typeof segment === "string") ?? "";

export function TextInput({ spec, value, path, onChange, nullable = false }: Props<"string">) {
  const { readOnly, hints, locale } = useFormContext();
  const t = useTranslations("designer.form");
  const key = pathKey(path);
  const text = typeof value === "string" ? value : "";
  if (spec.options !== null) {
    const optionLabels = hints[hintKey(path)]?.optionLabels;
    const optionLabel = (option: string) => {
      const label = optionLabels !== undefined && Object.hasOwn(optionLabels, option) ? optionLabels[option] : undefined;
      return label === undefined ? languageName(option, locale) : pick(label, locale);
    };
    return (
      <select id={`field-${key}`} data-field-path={key} value={value === null ? "" : text} disabled={readOnly} onChange={(event) => onChange(event.target.value === "" && nullable ? null : event.target.value, key)}>
        {(nullable || !spec.options.includes(text)) && <option value="">{nullable ? t("none") : t("choose")}</option>}
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    );
  }
  // A flow to run (the subflow node): picked from the published flows, by name.
  if (hints[hintKey(path)]?.widget === "select" && lastName(path) === "flowId") return <FlowSelect value={value} path={path} onChange={onChange} />;
  // A transfer's queue: picked from the queues that exist, by display name.
  if (hints[hintKey(path)]?.widget === "select" && lastName(path) === "queue") return <QueueSelect value={value} path={path} onChange={onChange} />;
  const suggestions = hints[hintKey(path)]?.widget === "select" ? fieldSuggestions(lastName(path), locale) : [];
  const listId = suggestions.length > 0 ? `list-${key}` : undefined;
  return (
    <>
      <input
        id={`field-${key}`}
        data-field-path={key}
        type="text"
        value={text}
        list={listId}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value === "" && nullable ? null : event.target.value, key)}
      />
      {listId !== undefined && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion.value} value={suggestion.value}>
              {suggestion.label}
            </option>
          ))}
        </datalist>
      )}
    </>
  );
}

export function NumberInput({ spec, value, path, onChange, nullable = false }: Props<"number">) {
  const { readOnly, hints, locale } = useFormContext();
  const t = useTranslations("designer.form");
  const key = pathKey(path);
  const asSelect = hints[hintKey(path)]?.widget === "select" && spec.minimum !== null && spec.maximum !== null && spec.maximum - spec.minimum <= 31;
  if (asSelect && spec.minimum !== null && spec.maximum !== null) {
    const values = Array.from({ length: spec.maximum - spec.minimum + 1 }, (_, index) => (spec.minimum ?? 0) + index);
    return (
      <select id={`field-${key}`} data-field-path={key} value={typeof value === "number" ? value : ""} disabled={readOnly} onChange={(event) => onChange(Number(event.target.value), key)}>
        {typeof value !== "number" && <option value="">{t("choose")}</option>}
        {values.map((option) => (
          <option key={option} value={option}>
            {numberOptionLabel(lastName(path), option, locale)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      id={`field-${key}`}
      data-field-path={key}
      type="number"
      inputMode="numeric"
      value={typeof value === "number" ? value : ""}
      min={spec.minimum ?? undefined}
      max={spec.maximum ?? undefined}
      step={spec.integer ? 1 : "any"}
      readOnly={readOnly}
      placeholder={nullable ? t("none") : undefined}
      onChange={(event) => {
        const raw = event.target.value;
        onChange(raw === "" ? (nullable ? null : undefined) : Number(raw), key);
      }}
    />
  );
}

export function SwitchInput({ value, path, onChange }: Props<"boolean">) {
  const { readOnly } = useFormContext();
  const key = pathKey(path);
  return (
    <input
      id={`field-${key}`}
      data-field-path={key}
      type="checkbox"
      role="switch"
      className="switch"
      checked={value === true}
      disabled={readOnly}
      onChange={(event) => onChange(event.target.checked, key)}
    />
  );
}
