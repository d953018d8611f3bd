"use client";

import { useTranslations } from "next-intl";
import { pick } from "@/flows-runtime/i18n/locales";
import { FieldErrors, useFieldLabel } from "./field-frame";
import { variantValue, type FieldSpec } from "./field-spec";
import { hintKey, pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";
import { ObjectFields } from "./object-fields";
import { useVariantLabel } from "./variant-label";

type UnionSpec = Extract<FieldSpec, { kind: "union" }>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A choice between shapes (transfer to a queue, a number or an extension): a type select, then that type's fields. */
export function UnionField({ spec, value, path, onChange }: { spec: UnionSpec; value: unknown; path: FieldPath; onChange: ChangeHandler }) {
  const { readOnly, hints, locale } = useFormContext();
  const t = useTranslations("designer.form");
  const { label } = useFieldLabel(path);
  const variantLabel = useVariantLabel();
  const object = isRecord(value) ? value : {};
  const current = object[spec.discriminator];
  const variant = spec.variants.find((candidate) => candidate.value === current);
  const selectPath = [...path, spec.discriminator];
  const key = pathKey(selectPath);
  const kindHint = hints[hintKey(selectPath)];
  return (
    <fieldset className="union-field" data-field={pathKey(path)}>
      <legend>{label}</legend>
      <div className="field">
        <label className="field-label" htmlFor={`field-${key}`}>
          {kindHint?.label ? pick(kindHint.label, locale) : t("type")}
        </label>
        <select
          id={`field-${key}`}
          data-field-path={key}
          value={typeof current === "string" ? current : ""}
          disabled={readOnly}
          onChange={(event) => {
            const next = spec.variants.find((candidate) => candidate.value === event.target.value);
            if (next) onChange(variantValue(spec.discriminator, next.value, next.spec), key);
          }}
        >
          {variant === undefined && <option value="">{t("choose")}</option>}
          {spec.variants.map((candidate) => (
            <option key={candidate.value} value={candidate.value}>
              {variantLabel(candidate.value)}
            </option>
          ))}
        </select>
        <FieldErrors path={selectPath} />
      </div>
      <FieldErrors path={path} />
      {variant !== undefined && <ObjectFields spec={variant.spec} value={object} path={path} onChange={onChange} skip={spec.discriminator} />}
    </fieldset>
  );
}
