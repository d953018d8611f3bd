"use client";

import { CodeField } from "./code-field";
import { FieldFrame } from "./field-frame";
import type { FieldSpec } from "./field-spec";
import { hintKey, pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";
import { KeyListField } from "./key-list-field";
import { ListField } from "./list-field";
import { MediaListField, isMediaList } from "./media-list-field";
import { ObjectFields } from "./object-fields";
import { PromptTextField } from "./prompt-text-field";
import { NumberInput, SwitchInput, TextInput } from "./scalar-fields";
import { TimeZoneField } from "./time-zone-field";
import { UnionField } from "./union-field";
import { UnknownInput } from "./unknown-input";
import { WeeklyHoursField } from "./weekly-hours-field";

export interface SchemaFieldProps {
  spec: FieldSpec;
  value: unknown;
  path: FieldPath;
  onChange: ChangeHandler;
  required?: boolean;
}

function useCodeMode(path: FieldPath): "expression" | "template" | "pattern" | null {
  const { expressionRefs, hints } = useFormContext();
  const ref = expressionRefs.get(pathKey(path));
  if (ref !== undefined) return ref.mode;
  const widget = hints[hintKey(path)]?.widget;
  if (widget === "expression" || widget === "template") return widget;
  if (widget === "code") return "pattern";
  return null;
}

/** One setting, drawn from its schema: the generic form builder's dispatcher. */
export function SchemaField({ spec, value, path, onChange, required = false }: SchemaFieldProps) {
  const { hints } = useFormContext();
  const codeMode = useCodeMode(path);
  const nullable = spec.kind === "nullable";
  const inner = spec.kind === "nullable" ? spec.inner : spec;

  if (inner.kind === "object") return <ObjectFields spec={inner} value={value} path={path} onChange={onChange} />;
  if (inner.kind === "union") return <UnionField spec={inner} value={value} path={path} onChange={onChange} />;
  const widget = hints[hintKey(path)]?.widget;
  // A setting not stored yet takes its default at run time: show that default, not an empty week.
  if (inner.kind === "array" && widget === "weekly-hours") return <WeeklyHoursField value={value ?? inner.defaultValue} path={path} onChange={onChange} />;
  if (inner.kind === "array") {
    if (isMediaList(inner)) return <MediaListField spec={inner} value={value} path={path} onChange={onChange} />;
    const itemSpec = inner.items;
    const keysField = itemSpec.kind === "object" ? itemSpec.properties.find((property) => hints[hintKey([...path, property.name])]?.widget === "keys") : undefined;
    if (keysField !== undefined && itemSpec.kind === "object") return <KeyListField spec={inner} itemSpec={itemSpec} keyName={keysField.name} value={value} path={path} onChange={onChange} />;
    return <ListField spec={inner} value={value} path={path} onChange={onChange} />;
  }
  return (
    <FieldFrame path={path} required={required} inline={inner.kind === "boolean"}>
      {inner.kind === "string" && widget === "prompt-text" ? (
        <PromptTextField value={value} path={path} nullable={nullable} onChange={onChange} />
      ) : inner.kind === "string" && widget === "time-zone" ? (
        <TimeZoneField value={value ?? inner.defaultValue} path={path} onChange={onChange} />
      ) : inner.kind === "string" && codeMode !== null && inner.options === null ? (
        <CodeField value={value} path={path} mode={codeMode} nullable={nullable} onChange={onChange} />
      ) : inner.kind === "string" ? (
        <TextInput spec={inner} value={value} path={path} onChange={onChange} nullable={nullable} />
      ) : inner.kind === "number" ? (
        <NumberInput spec={inner} value={value} path={path} onChange={onChange} nullable={nullable} />
      ) : inner.kind === "boolean" ? (
        <SwitchInput spec={inner} value={value} path={path} onChange={onChange} />
      ) : (
        <UnknownInput value={value} path={path} onChange={onChange} />
      )}
    </FieldFrame>
  );
}
