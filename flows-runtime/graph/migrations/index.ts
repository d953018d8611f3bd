import { GRAPH_SCHEMA_VERSION } from "../schema";

/** Upgrades a graph object from version N to N + 1; receives a copy it may change. */
export type GraphMigration = (graph: Record<string, unknown>) => Record<string, unknown>;

/**
 * Upgrade steps keyed by the version they upgrade FROM. Version 1 is current, so there are none yet;
 * the first format change adds `1: (graph) => ({ ...graph, ... })` here and bumps GRAPH_SCHEMA_VERSION.
 */
export const graphMigrations: Readonly<Record<number, GraphMigration>> = {};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Brings a stored graph up to the current schema version before validation. Anything it does not
 * understand (not an object, no numeric version, a newer version, a gap in the steps) is returned
 * unchanged for the validator to report.
 */
export function migrateGraph(
  raw: unknown,
  migrations: Readonly<Record<number, GraphMigration>> = graphMigrations,
  targetVersion: number = GRAPH_SCHEMA_VERSION,
): unknown {
  if (!isRecord(raw)) return raw;
  let version = raw.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version >= targetVersion) return raw;
  let graph: Record<string, unknown> = { ...raw };
  while (typeof version === "number" && version < targetVersion) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (step === undefined) return raw;
    graph = { ...step({ ...graph }), schemaVersion: version + 1 };
    version = graph.schemaVersion;
  }
  return graph;
}
