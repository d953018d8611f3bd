import type { VariableDeclaration } from "@/flows-runtime/graph/schema";
import type { CanvasEdge, CanvasNode } from "../model/canvas-types";

/** One undo step: the drawn graph and the flow's variables (arrays are immutable, so this is cheap). */
export interface Snapshot {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  variables: VariableDeclaration[];
}

export interface History {
  past: Snapshot[];
  future: Snapshot[];
  /** Consecutive edits with the same key (typing in one field) make one undo step. */
  lastKey: string | null;
  lastAt: number;
}

const LIMIT = 100;
const COALESCE_MS = 1500;

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/** Records `before` as an undo step unless it continues the previous edit of the same key. */
export function record(history: History, before: Snapshot, key: string | null, now: number): History {
  if (key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, future: [], lastAt: now };
  }
  const past = history.past.length >= LIMIT ? history.past.slice(1) : history.past;
  return { past: [...past, before], future: [], lastKey: key, lastAt: now };
}

export function undoStep(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = history.past.at(-1);
  if (snapshot === undefined) return null;
  return { history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastKey: null, lastAt: 0 }, snapshot };
}

export function redoStep(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = history.future[0];
  if (snapshot === undefined) return null;
  return { history: { past: [...history.past, current], future: history.future.slice(1), lastKey: null, lastAt: 0 }, snapshot };
}
