import { ExpressionRuntimeError } from "./runtime-error";
import { isPlainObject, MAX_VALUE_DEPTH, readOwnProperty } from "./values";

/** Integers print without ".0"; other numbers drop binary noise (0.1 + 0.2 shows "0.3", not "0.30000000000000004"). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  if (Number.isInteger(value)) return String(value === 0 ? 0 : value);
  return String(Number(value.toPrecision(15)));
}

// Hand-written instead of JSON.stringify so no toJSON method on a value is ever called.
function toJson(value: unknown, depth: number): string {
  if (depth > MAX_VALUE_DEPTH) {
    throw new ExpressionRuntimeError("too_deep", "Value is too deeply nested to display");
  }
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? formatNumber(value) : "null";
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i += 1) items.push(toJson(readOwnProperty(value, String(i)), depth + 1));
    return `[${items.join(",")}]`;
  }
  if (isPlainObject(value)) {
    const entries: string[] = [];
    for (const key of Object.keys(value)) {
      const item = readOwnProperty(value, key);
      entries.push(`${JSON.stringify(key)}:${toJson(item, depth + 1)}`);
    }
    return `{${entries.join(",")}}`;
  }
  return "null";
}

/** How a value appears in rendered text and in string concatenation. */
export function toDisplayString(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return toJson(value, 0);
}
