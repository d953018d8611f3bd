"use client";

import { lazy, Suspense } from "react";
import type { CodeMode } from "../monaco/code-diagnostics";
import { useFieldLabel } from "./field-frame";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";

const MonacoField = lazy(() => import("../monaco/monaco-field"));

/** Loads the Monaco bundle early (idle time after the canvas opened), so settings open instantly. */
export function preloadCodeEditor(): void {
  void import("../monaco/monaco-field");
}

/** An expression, template or pattern setting, edited in Monaco; a plain text area until Monaco has loaded. */
export function CodeField({ value, path, mode, nullable, onChange }: { value: unknown; path: FieldPath; mode: CodeMode; nullable: boolean; onChange: ChangeHandler }) {
  const { readOnly } = useFormContext();
  const { label } = useFieldLabel(path);
  const key = pathKey(path);
  const text = typeof value === "string" ? value : "";
  const change = (next: string) => onChange(next === "" && nullable ? null : next, key);
  return (
    <Suspense
      fallback={
        <textarea id={`field-${key}`} data-field-path={key} className="code-fallback" value={text} readOnly={readOnly} rows={1} onChange={(event) => change(event.target.value)} />
      }
    >
      <MonacoField value={text} mode={mode} readOnly={readOnly} fieldPath={key} label={label} onChange={change} />
    </Suspense>
  );
}
