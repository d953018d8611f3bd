export interface RefreshedSnapshot<T> {
  /** The last snapshot loaded; null until the first load succeeded. */
  current(): T | null;
  /** Loads again (coalesced: while a load runs, one more follows it). Never rejects. */
  refresh(): Promise<void>;
  close(): void;
}

export interface RefreshedSnapshotOptions<T> {
  load(): Promise<T>;
  /** Fallback for missed notifications. */
  intervalMs: number;
  log?: (message: string) => void;
  name: string;
}

/**
 * A read-only copy of database state kept in a process so calls keep being routed while the database
 * is unreachable. The database stays the truth: the copy is replaced by every successful load.
 */
export function createRefreshedSnapshot<T>(options: RefreshedSnapshotOptions<T>): RefreshedSnapshot<T> {
  let value: T | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let failing = false;

  async function loadLoop(): Promise<void> {
    do {
      again = false;
      try {
        value = await options.load();
        if (failing) options.log?.(`${options.name} refreshed again`);
        failing = false;
      } catch (err) {
        if (!failing) options.log?.(`${options.name} refresh failed, keeping the last copy: ${err instanceof Error ? err.message : String(err)}`);
        failing = true;
      }
    } while (again);
  }

  const refresh = (): Promise<void> => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = loadLoop().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => void refresh(), options.intervalMs);
  timer.unref();
  return { current: () => value, refresh, close: () => clearInterval(timer) };
}
