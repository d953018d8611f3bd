/**
 * Runtime value helpers. Values reach expressions from variables (loosely shaped JSON from callers,
 * integrations and the flow itself); only plain data is ever looked into: no prototype chain,
 * no getters, no methods.
 */

export type PlainObject = Record<string, unknown>;

/** True for `{}`-style objects from any realm (the workflow sandbox has its own Object.prototype). */
export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Maps what JavaScript can hold but expressions do not know (undefined, functions, symbols, bigints) to null. */
export function normalizeValue(value: unknown): unknown {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "object":
      return value;
    default:
      return null;
  }
}

/** Own, enumerable, data (not getter) property of a list or plain object; anything else reads as null. */
export function readOwnProperty(target: unknown, key: string): unknown {
  if (!(Array.isArray(target) || isPlainObject(target))) return null;
  return readOwnData(target, key);
}

/** Like readOwnProperty, for the variables object itself, whatever created it. */
export function readOwnData(target: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor === undefined || !descriptor.enumerable || !("value" in descriptor)) return null;
  return normalizeValue(descriptor.value);
}

/** Words used in messages for business admins. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  if (Array.isArray(value)) return "a list";
  return "an object";
}

export const MAX_VALUE_DEPTH = 100;
