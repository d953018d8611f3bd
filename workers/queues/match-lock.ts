import { z } from "zod";
import type { Prisma } from "../../prisma/generated/client";
import type { PrismaClient } from "../../prisma/client";
import { PhaseTimer, type MatchPhases } from "./match-phases";

/** One advisory lock key for every matcher transaction (any number) in any process. */
export const MATCH_LOCK_KEY = 0x63637175; // "ccqu"

const lockRowsSchema = z.tuple([z.object({ at: z.date() })]);

export interface MatchLockOptions {
  /** Waiting for a pooled connection, and for the whole transaction (lock wait included). */
  maxWaitMs?: number;
  timeoutMs?: number;
  /** Told where the transaction spent its time, after it committed (the benchmark's profile). */
  onPhases?: (phases: MatchPhases) => void;
}

/**
 * Runs `body` in a transaction that holds the matcher's lock, with the database's clock at the moment
 * the lock was granted. Everything that changes queued calls or agent states runs here, so these
 * transactions are serialized: each sees the committed result of the one before (READ COMMITTED
 * takes a new snapshot per statement, after the lock) and times come from one clock in lock order.
 */
export async function withMatchLock<T>(db: PrismaClient, body: (tx: Prisma.TransactionClient, at: number, timer: PhaseTimer) => Promise<T>, options: MatchLockOptions = {}): Promise<T> {
  const timer = new PhaseTimer();
  const result = await db.$transaction(
    async (tx) => {
      const rows = lockRowsSchema.parse(await tx.$queryRaw`SELECT pg_advisory_xact_lock(${MATCH_LOCK_KEY}::bigint)::text AS locked, clock_timestamp() AS at`);
      timer.mark("lock");
      return body(tx, rows[0].at.getTime(), timer);
    },
    { maxWait: options.maxWaitMs ?? 10_000, timeout: options.timeoutMs ?? 30_000 },
  );
  timer.mark("commit");
  options.onPhases?.(timer.phases);
  return result;
}
