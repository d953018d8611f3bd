import type { SummaryContext } from "./summary-context";
import type { NodeMove } from "./types";

/** Past this many, naming every moved node drowns the real changes: a count is enough. */
const MAX_NAMED_MOVES = 2;

/** Moves come last and in one line: they change the picture, not the call. */
export function moveLines(moves: readonly NodeMove[], context: SummaryContext): string[] {
  if (moves.length === 0) return [];
  if (moves.length > MAX_NAMED_MOVES) return [context.messages.nodesMovedCount({ count: moves.length })];
  return [context.messages.nodesMoved({ names: moves.map((move) => context.referenceById(move.id, "after")) })];
}
