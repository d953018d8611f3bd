import { describeField } from "./describe-field";
import { messagesFor } from "./messages/messages-for";
import { nodeTypeInfo } from "./node-type-info";
import type { DiffLocale, PathSegment } from "./types";

/**
 * A changed setting named as the designer's form names it ("prompt text", "option 3 meaning"),
 * for the review's field table: a reviewer never reads `$.media[0].text`.
 */
export function fieldLabel(nodeType: string, path: readonly PathSegment[], before: unknown, after: unknown, locale: DiffLocale): string {
  const messages = messagesFor(locale);
  const info = nodeTypeInfo(nodeType, locale);
  const text = describeField(path, { messages, fieldLabel: info.fieldLabel, before, after });
  // Labels read lower-case inside a summary sentence; as a table heading they start upper-case.
  return text.charAt(0).toUpperCase() + text.slice(1);
}
