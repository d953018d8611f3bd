"use client";

import { createContext, useContext } from "react";
import type { ExpressionRef, FieldWidget, LocalizedText } from "@/flows-runtime/nodes/node-definition";
import type { Locale } from "@/flows-runtime/i18n/locales";
import type { LiveIssue } from "../validation/validation-messages";

export type Hint = { widget: FieldWidget; label?: LocalizedText; help?: LocalizedText; optionLabels?: Record<string, LocalizedText> };

export interface FormContextValue {
  nodeId: string;
  nodeType: string;
  locale: Locale;
  hints: Record<string, Hint>;
  /** Validator issues of this node by field path ("options.2.key"). */
  issuesByPath: ReadonlyMap<string, LiveIssue[]>;
  /** Expression and template fields by path, from the definition's expressions(). */
  expressionRefs: ReadonlyMap<string, ExpressionRef>;
  readOnly: boolean;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (value === null) throw new Error("form fields need a FormContext");
  return value;
}

export type FieldPath = (string | number)[];

export const pathKey = (path: FieldPath): string => path.join(".");
/** Form hints are keyed by names only: ["options", 2, "key"] -> "options.key". */
export const hintKey = (path: FieldPath): string => path.filter((segment): segment is string => typeof segment === "string").join(".");

export type ChangeHandler = (value: unknown, key: string) => void;
