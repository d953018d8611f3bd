import { ExpressionRuntimeError } from "./runtime-error";
import { isPlainObject, MAX_VALUE_DEPTH, readOwnProperty } from "./values";

/** `==`: same type and same value; lists and objects compare by content. Never coerces, never throws on types. */
export function valuesEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (depth > MAX_VALUE_DEPTH) {
    throw new ExpressionRuntimeError("too_deep", "Values are too deeply nested to compare");
  }
  const left = a === undefined ? null : a;
  const right = b === undefined ? null : b;
  if (left === right) return true;
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return false;
    for (let i = 0; i < left.length; i += 1) {
      if (!valuesEqual(readOwnProperty(left, String(i)), readOwnProperty(right, String(i)), depth + 1)) return false;
    }
    return true;
  }
  if (isPlainObject(left) && isPlainObject(right)) {
    const leftKeys = Object.keys(left);
    const rightKeys = Object.keys(right);
    if (leftKeys.length !== rightKeys.length) return false;
    for (const key of leftKeys) {
      if (!Object.hasOwn(right, key)) return false;
      if (!valuesEqual(readOwnProperty(left, key), readOwnProperty(right, key), depth + 1)) return false;
    }
    return true;
  }
  return false;
}
