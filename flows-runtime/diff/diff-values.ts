import { comparePaths } from "./compare";
import { deepEqual } from "./deep-equal";
import { identityField, identityKey } from "./identity-field";
import { formatJsonPath } from "./json-path";
import { definedKeys, isPlainObject, ownValue } from "./plain-object";
import type { FieldChange, PathSegment } from "./types";

type Sink = (change: FieldChange) => void;

function equalExcept(a: unknown, b: unknown, field: string): boolean {
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  return deepEqual({ ...a, [field]: undefined }, { ...b, [field]: undefined });
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

function diffKeyedLists(
  before: readonly unknown[],
  after: readonly unknown[],
  path: PathSegment[],
  identity: { field: string; before: (string | number)[]; after: (string | number)[] },
  emit: Sink,
): void {
  const { field } = identity;
  const afterIndex = new Map(identity.after.map((value, index) => [identityKey(value), index]));
  const beforeKeys = new Set(identity.before.map(identityKey));
  const removed: number[] = [];
  identity.before.forEach((value, index) => {
    const match = afterIndex.get(identityKey(value));
    if (match === undefined) removed.push(index);
    else walk(before[index], after[match], [...path, { by: field, value }], emit);
  });
  const added = identity.after.flatMap((value, index) => (beforeKeys.has(identityKey(value)) ? [] : [index]));

  // An item that only got a new key (menu option 3 -> 4) is one change, not a removal and an addition.
  const rekeyed = new Set<number>();
  const stillRemoved = removed.filter((beforeAt) => {
    const afterAt = added.find((candidate) => !rekeyed.has(candidate) && equalExcept(before[beforeAt], after[candidate], field));
    const from = identity.before[beforeAt];
    const to = afterAt === undefined ? undefined : identity.after[afterAt];
    if (afterAt === undefined || from === undefined || to === undefined) return true;
    rekeyed.add(afterAt);
    const at = [...path, { by: field, value: from }, field];
    emit({ kind: "changed", path: at, jsonPath: formatJsonPath(at), before: from, after: to });
    return false;
  });
  for (const index of stillRemoved) {
    const value = identity.before[index];
    if (value === undefined) continue;
    const at = [...path, { by: field, value }];
    emit({ kind: "removed", path: at, jsonPath: formatJsonPath(at), before: before[index] });
  }
  for (const index of added) {
    const value = identity.after[index];
    if (value === undefined || rekeyed.has(index)) continue;
    const at = [...path, { by: field, value }];
    emit({ kind: "added", path: at, jsonPath: formatJsonPath(at), after: after[index] });
  }

  const afterKeys = new Set(identity.after.map(identityKey));
  const keptBefore = identity.before.filter((value) => afterKeys.has(identityKey(value)));
  const keptAfter = identity.after.filter((value) => beforeKeys.has(identityKey(value)));
  if (!sameOrder(keptBefore.map(identityKey), keptAfter.map(identityKey))) {
    emit({ kind: "reordered", path, jsonPath: formatJsonPath(path), before: keptBefore, after: keptAfter });
  }
}

function diffLists(before: readonly unknown[], after: readonly unknown[], path: PathSegment[], emit: Sink): void {
  const identity = identityField(before, after);
  if (identity !== undefined) {
    diffKeyedLists(before, after, path, identity, emit);
    return;
  }
  const length = Math.max(before.length, after.length);
  for (let index = 0; index < length; index += 1) walk(before[index], after[index], [...path, index], emit);
}

function walk(before: unknown, after: unknown, path: PathSegment[], emit: Sink): void {
  if (deepEqual(before, after)) return;
  const jsonPath = formatJsonPath(path);
  if (before === undefined) emit({ kind: "added", path, jsonPath, after });
  else if (after === undefined) emit({ kind: "removed", path, jsonPath, before });
  else if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...definedKeys(before), ...definedKeys(after)]);
    for (const key of keys) walk(ownValue(before, key), ownValue(after, key), [...path, key], emit);
  } else if (Array.isArray(before) && Array.isArray(after)) diffLists(before, after, path, emit);
  else emit({ kind: "changed", path, jsonPath, before, after });
}

/**
 * Field-by-field differences between two settings values, deepest paths that differ, sorted by
 * path. Lists of objects are matched by their id, key or name field when every item has a
 * unique one (menu options by key), otherwise by position.
 */
export function diffValues(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before, after, [], (change) => changes.push(change));
  return changes.sort((a, b) => comparePaths(a.path, b.path));
}
