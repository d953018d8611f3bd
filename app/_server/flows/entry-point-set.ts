import { z } from "zod";
import { entryPointKindSchema } from "./entry-point-input";

export const entryPointRefSchema = z.object({ kind: entryPointKindSchema, value: z.string().min(1).max(64) });
export type EntryPointRef = z.infer<typeof entryPointRefSchema>;

/** The stored form (Flow.entryPointDraft, FlowVersion.entryPoints); null when none was stored. */
export const entryPointSetSchema = z.array(entryPointRefSchema).nullable();

/** An entry point in a proposal has no row yet: it is named by what it is ("did:4008001234"). */
export const entryPointRefId = (ref: EntryPointRef): string => `${ref.kind}:${ref.value}`;
const keyOf = entryPointRefId;

/** One order for every stored set, so two sets compare as their JSON. */
export function sortedEntryPoints(refs: readonly EntryPointRef[]): EntryPointRef[] {
  const unique = new Map(refs.map((ref) => [keyOf(ref), { kind: ref.kind, value: ref.value }]));
  return [...unique.values()].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

/** A stored set read back; anything that is not a list of entry points counts as "none stored". */
export function parseEntryPointSet(json: unknown): EntryPointRef[] | null {
  const parsed = entryPointSetSchema.safeParse(json ?? null);
  return parsed.success && parsed.data !== null ? sortedEntryPoints(parsed.data) : null;
}

export interface EntryPointChanges {
  added: EntryPointRef[];
  removed: EntryPointRef[];
}

export function entryPointChanges(before: readonly EntryPointRef[], after: readonly EntryPointRef[]): EntryPointChanges {
  const had = new Set(before.map(keyOf));
  const has = new Set(after.map(keyOf));
  return { added: sortedEntryPoints(after.filter((ref) => !had.has(keyOf(ref)))), removed: sortedEntryPoints(before.filter((ref) => !has.has(keyOf(ref)))) };
}

export const sameEntryPoints = (a: readonly EntryPointRef[], b: readonly EntryPointRef[]): boolean => {
  const changes = entryPointChanges(a, b);
  return changes.added.length === 0 && changes.removed.length === 0;
};

export const hasEntryPoint = (set: readonly EntryPointRef[], ref: EntryPointRef): boolean => set.some((item) => keyOf(item) === keyOf(ref));
