import { z } from "zod";
import type { PrismaClient } from "../../prisma/client";
import { runQueueEvent } from "./run-queue-event";

const dueSchema = z.array(z.object({ due: z.boolean() }));

/** Whether an offer has rung out or a wrap-up is over: checked without the lock, so an idle tick is cheap. */
export async function matcherWorkDue(db: PrismaClient): Promise<boolean> {
  const rows = dueSchema.parse(
    await db.$queryRaw`SELECT (EXISTS (SELECT 1 FROM "QueuedCall" WHERE "status" = 'offered' AND "offerExpiresAt" <= clock_timestamp())
      OR EXISTS (SELECT 1 FROM "AgentProfile" WHERE "state" = 'wrap_up' AND "wrapUpUntil" <= clock_timestamp())) AS due`,
  );
  return rows[0]?.due ?? false;
}

/**
 * Ticks the matcher every `everyMs` while something is due. The deadlines are rows, not timers in this
 * process: a restarted (or second) worker picks them up on its first tick, and ticks from several
 * workers are serialized by the lock and idempotent.
 */
export function startQueueClock(db: PrismaClient, options: { everyMs?: number; log?: (message: string) => void } = {}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = async () => {
    try {
      if (await matcherWorkDue(db)) await runQueueEvent(db, { type: "tick" });
    } catch (error) {
      options.log?.(`queue clock: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(tick);
  }, options.everyMs ?? 500);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
