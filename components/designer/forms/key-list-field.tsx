"use client";

import { useTranslations } from "next-intl";
import { FieldErrors, useFieldLabel } from "./field-frame";
import { initialValue, type FieldSpec, type ObjectSpec } from "./field-spec";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";
import { asList } from "./list-field";
import { SchemaField } from "./schema-field";

type ArraySpec = Extract<FieldSpec, { kind: "array" }>;

const KEYPAD = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Menu options as a phone keypad: press a key to add it as an option, then say what it means.
 * Each key becomes an exit of the node.
 */
export function KeyListField({ spec, itemSpec, keyName, value, path, onChange }: { spec: ArraySpec; itemSpec: ObjectSpec; keyName: string; value: unknown; path: FieldPath; onChange: ChangeHandler }) {
  const { readOnly } = useFormContext();
  const t = useTranslations("designer.form");
  const { label, help } = useFieldLabel(path);
  const list = asList(value);
  const key = pathKey(path);
  const keyProperty = itemSpec.properties.find((property) => property.name === keyName);
  const allowed = keyProperty?.spec.kind === "string" && keyProperty.spec.options !== null ? keyProperty.spec.options : KEYPAD;
  const used = new Map(list.map((item, index) => [isRecord(item) ? item[keyName] : undefined, index]));
  const full = spec.maxItems !== null && list.length >= spec.maxItems;
  const others = itemSpec.properties.filter((property) => property.name !== keyName);

  const addKey = (digit: string) => {
    const base = initialValue(itemSpec);
    onChange([...list, { ...(isRecord(base) ? base : {}), [keyName]: digit }], key);
  };

  return (
    <fieldset className="list-field key-list" data-field={key}>
      <legend>{label}</legend>
      {help !== null && <div className="field-help">{help}</div>}
      <div className="keypad" role="group" aria-label={t("keypadAdd")} data-field-path={key}>
        {KEYPAD.filter((digit) => allowed.includes(digit)).map((digit) => (
          <button
            type="button"
            key={digit}
            className={`keypad-key${used.has(digit) ? " is-used" : ""}`}
            data-testid={`option-key-${digit}`}
            aria-pressed={used.has(digit)}
            disabled={readOnly || (!used.has(digit) && full)}
            onClick={() => {
              const index = used.get(digit);
              if (index === undefined) addKey(digit);
              else document.querySelector<HTMLElement>(`[data-field-path="${pathKey([...path, index, others[0]?.name ?? keyName])}"]`)?.focus();
            }}
          >
            {digit}
          </button>
        ))}
      </div>
      <p className="field-help">{t("keypadHelp")}</p>
      <FieldErrors path={path} />
      {list.map((raw, index) => {
        const item = isRecord(raw) ? raw : {};
        const itemPath = [...path, index];
        const replace = (next: Record<string, unknown>, changedKey: string) => onChange(list.map((old, position) => (position === index ? next : old)), changedKey);
        return (
          <div className="key-row" key={index} data-testid="menu-option">
            <select
              className="key-select"
              aria-label={t("key")}
              data-field-path={pathKey([...itemPath, keyName])}
              value={typeof item[keyName] === "string" ? String(item[keyName]) : ""}
              disabled={readOnly}
              onChange={(event) => replace({ ...item, [keyName]: event.target.value }, pathKey([...itemPath, keyName]))}
            >
              {allowed.map((digit) => (
                <option key={digit} value={digit} disabled={digit !== item[keyName] && used.has(digit)}>
                  {digit}
                </option>
              ))}
            </select>
            <div className="key-row-fields">
              {others.map((property) => (
                <SchemaField key={property.name} spec={property.spec} value={item[property.name]} path={[...itemPath, property.name]} onChange={(next, changedKey) => replace({ ...item, [property.name]: next }, changedKey)} />
              ))}
              <FieldErrors path={[...itemPath, keyName]} />
            </div>
            {!readOnly && (
              <button
                type="button"
                className="icon-button danger"
                title={t("removeItem")}
                aria-label={t("removeItem")}
                disabled={list.length <= spec.minItems}
                onClick={() => onChange(list.filter((_, position) => position !== index), key)}
              >
                ×
              </button>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
