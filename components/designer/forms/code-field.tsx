"use client";

import { lazy, Suspense, useEffect, useState } from "react";
import type { CodeMode } from "../monaco/code-diagnostics";
// Loaded with the form, so the first press on a node is seen: Monaco is loaded and created once it ends.
import { isPointerPressed, whenPointerReleased } from "../monaco/pointer-release";
import { useFieldLabel } from "./field-frame";
import { pathKey, useFormContext, type ChangeHandler, type FieldPath } from "./form-context";

const MonacoField = lazy(() => import("../monaco/monaco-field"));

/** Loads the Monaco bundle early (idle time after the canvas opened), so settings open instantly. */
export function preloadCodeEditor(): void {
  // Evaluating the bundle takes a few hundred ms: not in the middle of a drag.
  whenPointerReleased(() => void import("../monaco/monaco-field"));
}

/** False while the press that opened this field (pressing a node to drag it) lasts. */
function usePointerReleased(): boolean {
  const [released, setReleased] = useState(() => !isPointerPressed());
  useEffect(() => {
    if (released) return;
    return whenPointerReleased(() => setReleased(true));
  }, [released]);
  return released;
}

/** An expression, template or pattern setting, edited in Monaco; a plain text area until Monaco has loaded. */
export function CodeField({ value, path, mode, nullable, onChange }: { value: unknown; path: FieldPath; mode: CodeMode; nullable: boolean; onChange: ChangeHandler }) {
  const { readOnly } = useFormContext();
  const { label } = useFieldLabel(path);
  const key = pathKey(path);
  const text = typeof value === "string" ? value : "";
  const change = (next: string) => onChange(next === "" && nullable ? null : next, key);
  const released = usePointerReleased();
  const fallback = <textarea id={`field-${key}`} data-field-path={key} className="code-fallback" value={text} readOnly={readOnly} rows={1} onChange={(event) => change(event.target.value)} />;
  if (!released) return fallback;
  return (
    <Suspense fallback={fallback}>
      <MonacoField value={text} mode={mode} readOnly={readOnly} fieldPath={key} label={label} onChange={change} />
    </Suspense>
  );
}
