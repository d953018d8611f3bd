/** A short id not in `taken`: `menu_k3x9q2`. Readable in traces, unique within the flow. */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  const base = prefix.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 40) || "n";
  for (;;) {
    const id = `${base}_${Math.random().toString(36).slice(2, 8)}`;
    if (!taken.has(id)) return id;
  }
}
