import { SignInRefused } from "./sign-in-refused";

/**
 * Password checks allowed at once (each scrypt holds 128 MiB and a libuv thread) and waiting behind
 * them. Beyond that an attempt is refused at once: a burst of sign-ins (most of them guesses) must not
 * make a real user's sign-in wait for all of them. A resource bound of this process, not durable state.
 */
export interface HashingQueueLimits {
  running: number;
  waiting: number;
}

export class HashingQueue {
  private running = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly limits: HashingQueueLimits) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.running) {
      if (this.waiters.length >= this.limits.waiting) throw new SignInRefused("SignInBusy", 1);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      const next = this.waiters.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

const limitFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** SIGN_IN_HASH_CONCURRENCY (default 2, one per core here) and SIGN_IN_HASH_QUEUE (default 8). */
export const hashingQueue = new HashingQueue({ running: limitFromEnv("SIGN_IN_HASH_CONCURRENCY", 2), waiting: limitFromEnv("SIGN_IN_HASH_QUEUE", 8) });
