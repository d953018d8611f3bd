import { formatValue, type DiffLocale, type FieldChange } from "@/flows-runtime/diff";
import type { DiffMessages } from "@/flows-runtime/diff/messages/catalog";

export const diffLocale = (locale: string): DiffLocale => (locale === "en" ? "en" : "zh-CN");

/** Before and after of one change, as the summary words values ("on", quoted text), never JSON paths. */
export function changeValues(change: FieldChange, messages: DiffMessages, none: string): [string, string] {
  switch (change.kind) {
    case "added":
      return [none, formatValue(change.after, messages)];
    case "removed":
      return [formatValue(change.before, messages), none];
    case "changed":
      return [formatValue(change.before, messages), formatValue(change.after, messages)];
    case "reordered":
      return [change.before.join(", "), change.after.join(", ")];
  }
}
