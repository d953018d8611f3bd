"use client";

import { useTranslations } from "next-intl";
import { FieldErrors, FieldFrame } from "./field-frame";
import { initialValue, variantValue, type FieldSpec } from "./field-spec";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";
import { asList, ItemControls, ListFrame, moveItem } from "./list-field";
import { SchemaField } from "./schema-field";
import { useVariantLabel } from "./variant-label";
import { LanguageSelect, VoiceSelect } from "./voice-fields";

type ArraySpec = Extract<FieldSpec, { kind: "array" }>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Prompt lists (text-to-speech, sound files, digits, numbers) get a compact editor of their own. */
export function isMediaList(spec: ArraySpec): boolean {
  return spec.items.kind === "union" && spec.items.discriminator === "kind" && spec.items.variants.some((variant) => variant.value === "tts");
}

export function MediaListField({ spec, value, path, onChange }: { spec: ArraySpec; value: unknown; path: FieldPath; onChange: ChangeHandler }) {
  const { readOnly } = useFormContext();
  const t = useTranslations("designer.form");
  const variantLabel = useVariantLabel();
  const items = spec.items;
  if (items.kind !== "union") return null;
  const list = asList(value);
  const key = pathKey(path);
  return (
    <ListFrame path={path} canAdd={spec.maxItems === null || list.length < spec.maxItems} onAdd={() => onChange([...list, initialValue(items)], key)}>
      {list.map((raw, index) => {
        const item = isRecord(raw) ? raw : {};
        const variant = items.variants.find((candidate) => candidate.value === item.kind) ?? items.variants[0];
        const itemPath = [...path, index];
        const replace = (next: unknown, changedKey: string) => onChange(list.map((old, position) => (position === index ? next : old)), changedKey);
        const [main, ...more] = (variant?.spec.properties ?? []).filter((property) => property.name !== "kind");
        return (
          <div className="list-item media-item" key={index} data-testid="media-item">
            <div className="list-item-body">
              <select
                className="media-kind"
                aria-label={t("type")}
                data-field-path={pathKey([...itemPath, "kind"])}
                value={variant?.value ?? ""}
                disabled={readOnly}
                onChange={(event) => {
                  const next = items.variants.find((candidate) => candidate.value === event.target.value);
                  if (next) replace(variantValue("kind", next.value, next.spec), pathKey([...itemPath, "kind"]));
                }}
              >
                {items.variants.map((candidate) => (
                  <option key={candidate.value} value={candidate.value}>
                    {variantLabel(candidate.value)}
                  </option>
                ))}
              </select>
              <FieldErrors path={itemPath} />
              {main !== undefined && (
                <SchemaField spec={main.spec} value={item[main.name]} path={[...itemPath, main.name]} required={main.required} onChange={(next, changedKey) => replace({ ...item, [main.name]: next }, changedKey)} />
              )}
              {more.length > 0 && (
                <details className="media-more">
                  <summary>{t("moreOptions")}</summary>
                  {more.map((property) => {
                    const propertyPath = [...itemPath, property.name];
                    const set = (next: unknown, changedKey: string) => {
                      const copy = { ...item };
                      if (next === undefined || next === "") delete copy[property.name];
                      else copy[property.name] = next;
                      replace(copy, changedKey);
                    };
                    // Text-to-speech language and voice: lists of what is installed, not free text.
                    if (item.kind === "tts" && (property.name === "language" || property.name === "voice")) {
                      return (
                        <FieldFrame key={property.name} path={propertyPath}>
                          {property.name === "language" ? (
                            <LanguageSelect value={item.language} path={propertyPath} onChange={(next) => set(next, pathKey(propertyPath))} />
                          ) : (
                            <VoiceSelect value={item.voice} language={typeof item.language === "string" ? item.language : ""} path={propertyPath} onChange={(next) => set(next, pathKey(propertyPath))} />
                          )}
                        </FieldFrame>
                      );
                    }
                    return <SchemaField key={property.name} spec={property.spec} value={item[property.name]} path={propertyPath} onChange={set} />;
                  })}
                </details>
              )}
            </div>
            <ItemControls
              index={index}
              count={list.length}
              canRemove={list.length > spec.minItems}
              onMove={(to) => onChange(moveItem(list, index, to), key)}
              onRemove={() => onChange(list.filter((_, position) => position !== index), key)}
            />
          </div>
        );
      })}
    </ListFrame>
  );
}
