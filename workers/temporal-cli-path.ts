import path from "node:path";

/** The Temporal CLI binary that scripts/lib/prereqs.sh builds (TEMPORAL_CLI_PATH overrides). */
export function temporalCliPath(): string {
  return process.env.TEMPORAL_CLI_PATH ?? path.join(process.env.HOME ?? "", ".cache", "cc-flows", "temporal-1.5.1", "temporal");
}
