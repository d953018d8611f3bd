"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FieldErrors, useFieldLabel } from "./field-frame";
import { initialValue, type FieldSpec } from "./field-spec";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";
import { SchemaField } from "./schema-field";

type ArraySpec = Extract<FieldSpec, { kind: "array" }>;

export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Fieldset around a list: its label, its items, an add button and the list's own problems. */
export function ListFrame({ path, children, canAdd, onAdd }: { path: FieldPath; children: ReactNode; canAdd: boolean; onAdd: () => void }) {
  const { label, help } = useFieldLabel(path);
  const { readOnly } = useFormContext();
  const t = useTranslations("designer.form");
  return (
    <fieldset className="list-field" data-field={pathKey(path)}>
      <legend>{label}</legend>
      {help !== null && <div className="field-help">{help}</div>}
      <FieldErrors path={path} />
      {children}
      {!readOnly && (
        <button type="button" className="link add-item" data-field-path={pathKey(path)} disabled={!canAdd} onClick={onAdd}>
          + {t("addItem")}
        </button>
      )}
    </fieldset>
  );
}

export function ItemControls({ index, count, onMove, onRemove, canRemove }: { index: number; count: number; onMove: (to: number) => void; onRemove: () => void; canRemove: boolean }) {
  const { readOnly } = useFormContext();
  const t = useTranslations("designer.form");
  if (readOnly) return null;
  return (
    <div className="item-controls">
      <button type="button" className="icon-button" title={t("moveUp")} aria-label={t("moveUp")} disabled={index === 0} onClick={() => onMove(index - 1)}>
        ↑
      </button>
      <button type="button" className="icon-button" title={t("moveDown")} aria-label={t("moveDown")} disabled={index === count - 1} onClick={() => onMove(index + 1)}>
        ↓
      </button>
      <button type="button" className="icon-button danger" title={t("removeItem")} aria-label={t("removeItem")} disabled={!canRemove} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}

export function moveItem(list: unknown[], from: number, to: number): unknown[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** A list of settings (conditions, headers, assignments): add, remove, reorder. */
export function ListField({ spec, value, path, onChange }: { spec: ArraySpec; value: unknown; path: FieldPath; onChange: ChangeHandler }) {
  const list = asList(value);
  const key = pathKey(path);
  return (
    <ListFrame path={path} canAdd={spec.maxItems === null || list.length < spec.maxItems} onAdd={() => onChange([...list, initialValue(spec.items)], key)}>
      {list.map((item, index) => (
        <div className="list-item" key={index}>
          <div className="list-item-body">
            <SchemaField
              spec={spec.items}
              value={item}
              path={[...path, index]}
              onChange={(next, changedKey) => onChange(list.map((old, position) => (position === index ? next : old)), changedKey)}
            />
          </div>
          <ItemControls
            index={index}
            count={list.length}
            canRemove={list.length > spec.minItems}
            onMove={(to) => onChange(moveItem(list, index, to), key)}
            onRemove={() => onChange(list.filter((_, position) => position !== index), key)}
          />
        </div>
      ))}
    </ListFrame>
  );
}
