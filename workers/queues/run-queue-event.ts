import type { Prisma } from "../../prisma/generated/client";
import type { PrismaClient } from "../../prisma/client";
import { applyQueueEvent, type AppliedEvent } from "./match/apply-queue-event";
import type { QueueEvent } from "./match/queue-events";
import { loadMatchState } from "./load-match-state";
import { withMatchLock, type MatchLockOptions } from "./match-lock";
import { persistMatchChanges } from "./persist-match-changes";

/** An event without its time: the runtime stamps it with the database's clock under the lock. */
export type QueueCommand = QueueEvent extends infer E ? (E extends { at: number } ? Omit<E, "at"> : never) : never;

/** Applies one event to the rows as they are now, inside a transaction that holds the matcher's lock. */
export async function applyInTransaction(tx: Prisma.TransactionClient, event: QueueEvent): Promise<AppliedEvent> {
  const before = await loadMatchState(tx);
  const applied = applyQueueEvent(before, event);
  if (applied.refused === null) await persistMatchChanges(tx, before, applied.state, applied.effects);
  return applied;
}

/** One event, durable: its change, the offers it led to and the agents' state log commit together or not at all. */
export async function runQueueEvent(db: PrismaClient, command: QueueCommand, options?: MatchLockOptions): Promise<AppliedEvent & { at: number }> {
  return withMatchLock(db, async (tx, at) => ({ ...(await applyInTransaction(tx, withTime(command, at))), at }), options);
}

export function withTime(command: QueueCommand, at: number): QueueEvent {
  switch (command.type) {
    case "enqueue":
      return { ...command, at };
    case "leave":
      return { ...command, at };
    case "offerResult":
      return { ...command, at };
    case "endCall":
      return { ...command, at };
    case "agentState":
      return { ...command, at };
    case "tick":
      return { ...command, at };
  }
}
