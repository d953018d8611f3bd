/** High-resolution wall clock in epoch milliseconds (performance.timeOrigin + performance.now()). */
export const now = (): number => performance.timeOrigin + performance.now();

/** Asterisk's AST_ISO8601_FORMAT ("%FT%T.%q%z") in UTC: 2026-11-21T05:37:00.000+0000. */
export function asteriskTime(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace("Z", "+0000");
}

/**
 * Simulated time. Every duration the simulator talks about (sound lengths, ring time, script waits,
 * DTMF length) is "virtual"; timers run for virtual * timeScale real milliseconds.
 */
export class Clock {
  constructor(readonly timeScale: number) {
    if (!(timeScale > 0)) throw new Error(`timeScale must be > 0, got ${timeScale}`);
  }

  /** Real milliseconds for a virtual duration. */
  real(virtualMs: number): number {
    return virtualMs * this.timeScale;
  }

  /** Virtual milliseconds elapsed for a real duration. */
  virtual(realMs: number): number {
    return realMs / this.timeScale;
  }

  timer(virtualMs: number, fn: () => void): NodeJS.Timeout {
    return setTimeout(fn, this.real(virtualMs));
  }

  sleep(virtualMs: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.real(virtualMs)));
  }
}
