/** The one place that knows the default local database address. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "postgresql://ccflows:ccflows@127.0.0.1:5432/ccflows";
}
