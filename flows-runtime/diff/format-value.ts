import type { DiffMessages } from "./messages/catalog";

const MAX_LENGTH = 80;

/** Cuts on code points so a summary never ends in half an emoji or half a surrogate pair. */
function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_LENGTH ? text : `${chars.slice(0, MAX_LENGTH - 1).join("")}…`;
}

/** Keeps a multi-line value (an HTTP body) on the summary's one line. */
const oneLine = (text: string): string => text.replace(/\r?\n/g, "\\n");

const isScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

/** A settings value as a reviewer reads it: quoted text, on/off, numbers as they are, JSON for the rest. */
export function formatValue(value: unknown, messages: DiffMessages): string {
  if (value === undefined) return messages.values.notSet;
  if (value === null) return messages.values.none;
  if (typeof value === "boolean") return value ? messages.values.on : messages.values.off;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value === "" ? messages.values.empty : messages.quote(shorten(oneLine(value)));
  if (Array.isArray(value) && value.length === 0) return messages.values.empty;
  if (Array.isArray(value) && value.every(isScalar)) return shorten(value.map((item) => formatValue(item, messages)).join(", "));
  return shorten(oneLine(JSON.stringify(value) ?? String(value)));
}
