"use client";

import type { ReactNode } from "react";
import { formatIssue } from "@/flows-runtime/i18n/format-issue";
import { pick } from "@/flows-runtime/i18n/locales";
import { hintKey, pathKey, useFormContext, type FieldPath } from "./form-context";

const humanize = (name: string): string => {
  const spaced = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
};

/** The field's label from the form hints, else its name made readable. */
export function useFieldLabel(path: FieldPath): { label: string; help: string | null } {
  const { hints, locale } = useFormContext();
  const hint = Object.hasOwn(hints, hintKey(path)) ? hints[hintKey(path)] : undefined;
  const last = [...path].reverse().find((segment): segment is string => typeof segment === "string") ?? "";
  return { label: hint?.label ? pick(hint.label, locale) : humanize(last), help: hint?.help ? pick(hint.help, locale) : null };
}

export function FieldErrors({ path }: { path: FieldPath }) {
  const { issuesByPath, locale } = useFormContext();
  const issues = issuesByPath.get(pathKey(path)) ?? [];
  if (issues.length === 0) return null;
  return (
    <ul className="field-errors" data-testid="field-errors">
      {issues.map((issue, index) => (
        <li key={`${issue.code}:${index}`} className={issue.severity}>
          {formatIssue(issue, locale)}
        </li>
      ))}
    </ul>
  );
}

/** Label, control, help and the validator's messages for one setting. */
export function FieldFrame({ path, children, inline = false, required = false }: { path: FieldPath; children: ReactNode; inline?: boolean; required?: boolean }) {
  const { label, help } = useFieldLabel(path);
  const { issuesByPath } = useFormContext();
  const invalid = (issuesByPath.get(pathKey(path)) ?? []).some((issue) => issue.severity === "error");
  return (
    <div className={`field${inline ? " field-inline" : ""}${invalid ? " is-invalid" : ""}`} data-field={pathKey(path)}>
      <label className="field-label" htmlFor={`field-${pathKey(path)}`}>
        {label}
        {required && <span className="field-required">*</span>}
      </label>
      {children}
      {help !== null && <div className="field-help">{help}</div>}
      <FieldErrors path={path} />
    </div>
  );
}
