import { performance } from "node:perf_hooks";

/** Where one matcher transaction spent its time (ms), for the benchmark's profile. */
export interface MatchPhases {
  /** From asking for the transaction to holding the lock: pool, BEGIN, lock wait. */
  lock: number;
  load: number;
  decide: number;
  write: number;
  commit: number;
}

/** Records phases one after another: each `mark` closes the phase that ran since the last mark. */
export class PhaseTimer {
  private last = performance.now();
  readonly phases: MatchPhases = { lock: 0, load: 0, decide: 0, write: 0, commit: 0 };

  mark(phase: keyof MatchPhases): void {
    const now = performance.now();
    this.phases[phase] += now - this.last;
    this.last = now;
  }
}
