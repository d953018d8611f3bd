import { describe, expect, it } from "vitest";
import { createRefreshedSnapshot } from "./refreshed-snapshot";

describe("createRefreshedSnapshot", () => {
  it("keeps the last good copy when a load fails and takes the next good one", async () => {
    const results: (number | Error)[] = [1, new Error("database unreachable"), 3];
    const logs: string[] = [];
    const snapshot = createRefreshedSnapshot({
      name: "test cache",
      intervalMs: 60_000,
      log: (m) => logs.push(m),
      load: async () => {
        const next = results.shift();
        if (next === undefined || next instanceof Error) throw next ?? new Error("no more");
        return next;
      },
    });
    try {
      expect(snapshot.current()).toBeNull();
      await snapshot.refresh();
      expect(snapshot.current()).toBe(1);
      await snapshot.refresh();
      expect(snapshot.current()).toBe(1);
      expect(logs.some((l) => l.includes("database unreachable"))).toBe(true);
      await snapshot.refresh();
      expect(snapshot.current()).toBe(3);
    } finally {
      snapshot.close();
    }
  });

  it("coalesces refreshes asked for during a load into one more load after it", async () => {
    let loads = 0;
    let release: () => void = () => undefined;
    const snapshot = createRefreshedSnapshot({
      name: "test cache",
      intervalMs: 60_000,
      load: async () => {
        loads += 1;
        const n = loads;
        if (n === 1) await new Promise<void>((resolve) => (release = resolve));
        return n;
      },
    });
    try {
      const first = snapshot.refresh();
      const second = snapshot.refresh();
      const third = snapshot.refresh();
      release();
      await Promise.all([first, second, third]);
      // The change notified during the first load is not missed, and three asks made two loads.
      expect(loads).toBe(2);
      expect(snapshot.current()).toBe(2);
    } finally {
      snapshot.close();
    }
  });
});
