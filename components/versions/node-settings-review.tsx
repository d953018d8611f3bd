"use client";

import "@/components/designer/designer.css";
import { useLocale } from "next-intl";
import { useEffect, useMemo, useRef } from "react";
import type { FieldChange } from "@/flows-runtime/diff";
import type { GraphNode } from "@/flows-runtime/graph/schema";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { expressionRefsOf } from "@/components/designer/forms/expression-refs";
import { fieldSpecOf } from "@/components/designer/forms/field-spec";
import { FormContext, type FormContextValue } from "@/components/designer/forms/form-context";
import { SchemaField } from "@/components/designer/forms/schema-field";
import { formFieldKey } from "./form-field-key";

export interface HighlightedField {
  change: FieldChange;
  /** "Prompt text: “Welcome” → “Welcome to ACME”", shown under the field. */
  text: string;
}

const NO_ISSUES: ReadonlyMap<string, never[]> = new Map();
const ignore = () => undefined;

/** The longest prefix of `key` that the form draws as a field ("options.3" when option 3 has no frame of its own). */
function fieldElement(root: HTMLElement, key: string): HTMLElement | null {
  const parts = key.split(".");
  for (let length = parts.length; length > 0; length -= 1) {
    const element = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(parts.slice(0, length).join("."))}"]`);
    if (element !== null) return element;
  }
  return null;
}

/**
 * A node's settings drawn by the designer's own form builder, read-only, with every changed field
 * marked and its old value under it (the form stays the canvas engineer's; this only reads it).
 */
export function NodeSettingsReview({ node, changes }: { node: GraphNode; changes: readonly HighlightedField[] }) {
  const locale = useLocale();
  const root = useRef<HTMLDivElement>(null);
  const definition = getNodeDefinition(node.type);
  const context = useMemo<FormContextValue | null>(() => {
    if (definition === undefined) return null;
    return {
      nodeId: node.id,
      nodeType: node.type,
      locale: locale === "en" ? "en" : "zh-CN",
      hints: definition.formHints ?? {},
      issuesByPath: NO_ISSUES,
      expressionRefs: expressionRefsOf(definition, node.data),
      readOnly: true,
    };
  }, [definition, node.id, node.type, node.data, locale]);

  useEffect(() => {
    const element = root.current;
    if (element === null) return;
    // Several changes inside one list item share its frame: every line is kept.
    const marked = new Map<HTMLElement, string[]>();
    for (const { change, text } of changes) {
      const field = fieldElement(element, formFieldKey(change.path, node.data));
      if (field !== null) marked.set(field, [...(marked.get(field) ?? []), text]);
    }
    for (const [field, lines] of marked) {
      field.dataset.changed = "true";
      field.dataset.changeText = lines.join("\n");
    }
    return () => {
      for (const field of marked.keys()) {
        delete field.dataset.changed;
        delete field.dataset.changeText;
      }
    };
  }, [changes, node.data]);

  if (definition === undefined || context === null) return null;
  return (
    <FormContext.Provider value={context}>
      <div className="node-settings review-settings" ref={root} data-testid="review-settings" data-node-id={node.id}>
        <SchemaField spec={fieldSpecOf(definition.schema)} value={node.data} path={[]} onChange={ignore} />
      </div>
    </FormContext.Provider>
  );
}
