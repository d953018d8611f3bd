import { describeField } from "./describe-field";
import { formatValue } from "./format-value";
import type { SummaryContext } from "./summary-context";
import type { FieldChange, VariablesDiff } from "./types";

export function variableLines(diff: VariablesDiff, context: SummaryContext): string[] {
  const { messages } = context;
  const typeName = (type: string): string => messages.variableTypes[type] ?? type;
  const lines: string[] = [];
  for (const variable of diff.added) lines.push(messages.variableAdded({ name: variable.name, type: typeName(variable.type) }));
  for (const variable of diff.removed) lines.push(messages.variableRemoved({ name: variable.name, type: typeName(variable.type) }));
  for (const { name, changes } of diff.changed) {
    for (const change of changes) lines.push(variableChangeLine(name, change, context));
  }
  return lines;
}

function variableChangeLine(name: string, change: FieldChange, context: SummaryContext): string {
  const { messages } = context;
  const field = describeField(change.path, {
    messages,
    fieldLabel: (dottedPath) => messages.variableFields[dottedPath],
    before: undefined,
    after: undefined,
  });
  const isType = change.path.length === 1 && change.path[0] === "type";
  const value = (raw: unknown): string =>
    isType && typeof raw === "string" ? (messages.variableTypes[raw] ?? raw) : formatValue(raw, messages);
  switch (change.kind) {
    case "added":
      return messages.variableFieldSet({ name, field, after: value(change.after) });
    case "removed":
      return messages.variableFieldCleared({ name, field, before: value(change.before) });
    case "changed":
      return messages.variableFieldChanged({ name, field, before: value(change.before), after: value(change.after) });
    case "reordered":
      return messages.variableFieldChanged({ name, field, before: formatValue(change.before, messages), after: formatValue(change.after, messages) });
  }
}
