import { performance } from "node:perf_hooks";
import type { Prisma } from "../../prisma/generated/client";
import type { PrismaClient } from "../../prisma/client";
import { applyQueueEvent, type AppliedEvent } from "./match/apply-queue-event";
import { applyIncrementally } from "./match/incremental-match";
import type { MatchState } from "./match/match-model";
import type { QueueEvent } from "./match/queue-events";
import { loadCandidates, loadTouchedRows } from "./load-match-rows";
import { loadMatchState } from "./load-match-state";
import { withMatchLock, type MatchLockOptions } from "./match-lock";
import { PhaseTimer } from "./match-phases";
import { persistMatchChanges } from "./persist-match-changes";

/** An event without its time: the runtime stamps it with the database's clock under the lock. */
export type QueueCommand = QueueEvent extends infer E ? (E extends { at: number } ? Omit<E, "at"> : never) : never;

/**
 * Applies one event inside a transaction that holds the matcher's lock, reading only what it needs:
 * the rows the event touches, then (match/incremental-match.ts) the best candidates of what it freed
 * or put into waiting. Decides exactly what `applyQueueEvent` decides on the whole state.
 * `knownTouched`: the touched rows when the caller already read them under the lock.
 */
export async function applyInTransaction(tx: Prisma.TransactionClient, event: QueueEvent, timer: PhaseTimer = new PhaseTimer(), knownTouched?: MatchState): Promise<AppliedEvent> {
  const touched = knownTouched ?? (await loadTouchedRows(tx, event));
  timer.mark("load");
  let loading = 0;
  const { before, applied } = await applyIncrementally(touched, event, async (frontier, known) => {
    const start = performance.now();
    const candidates = await loadCandidates(tx, frontier, known);
    loading += performance.now() - start;
    return candidates;
  });
  timer.mark("decide");
  // The candidate queries ran inside the decision: they count as loading.
  timer.phases.decide -= loading;
  timer.phases.load += loading;
  if (applied.refused === null) await persistMatchChanges(tx, before, applied.state, applied.effects);
  timer.mark("write");
  return applied;
}

/** The same event decided on every call in a queue and every agent (the reference; and a full rematch). */
export async function applyToWholeState(tx: Prisma.TransactionClient, event: QueueEvent): Promise<AppliedEvent> {
  const before = await loadMatchState(tx);
  const applied = applyQueueEvent(before, event);
  if (applied.refused === null) await persistMatchChanges(tx, before, applied.state, applied.effects);
  return applied;
}

/**
 * A tick decided on the whole state. Incremental matching relies on the state before each event
 * having no free agent who meets a waiting call; a change made outside the matcher that can break
 * that (an admin giving an agent a skill or a language) runs this afterwards.
 */
export async function rematchWholeState(db: PrismaClient): Promise<AppliedEvent> {
  return withMatchLock(db, (tx, at) => applyToWholeState(tx, { type: "tick", at }));
}

/** One event, durable: its change, the offers it led to and the agents' state log commit together or not at all. */
export async function runQueueEvent(db: PrismaClient, command: QueueCommand, options?: MatchLockOptions): Promise<AppliedEvent & { at: number }> {
  return withMatchLock(db, async (tx, at, timer) => ({ ...(await applyInTransaction(tx, withTime(command, at), timer)), at }), options);
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
    case "retarget":
      return { ...command, at };
  }
}
