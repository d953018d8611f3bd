import { isPlainObject, ownValue } from "./plain-object";

/** Fields that name a list item, in order of preference. */
const IDENTITY_FIELDS: readonly string[] = ["id", "key", "name"];

function identityOf(item: unknown, field: string): string | number | undefined {
  if (!isPlainObject(item)) return undefined;
  const value = ownValue(item, field);
  if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return value;
  return undefined;
}

/** Map key that keeps 3 and "3" apart. */
export function identityKey(value: string | number): string {
  return `${typeof value}:${value}`;
}

function identitiesOf(items: readonly unknown[], field: string): (string | number)[] | undefined {
  const values: (string | number)[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const value = identityOf(item, field);
    if (value === undefined || seen.has(identityKey(value))) return undefined;
    seen.add(identityKey(value));
    values.push(value);
  }
  return values;
}

/**
 * The field that identifies the items of both lists (every item has it, values unique), or
 * undefined when items must be matched by position. Looks at both sides so that the choice,
 * and with it the diff, is the same in both directions.
 */
export function identityField(
  before: readonly unknown[],
  after: readonly unknown[],
): { field: string; before: (string | number)[]; after: (string | number)[] } | undefined {
  if (before.length === 0 && after.length === 0) return undefined;
  for (const field of IDENTITY_FIELDS) {
    const beforeIds = identitiesOf(before, field);
    const afterIds = identitiesOf(after, field);
    if (beforeIds !== undefined && afterIds !== undefined) return { field, before: beforeIds, after: afterIds };
  }
  return undefined;
}
