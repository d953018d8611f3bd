import { databaseUrl } from "@/prisma/database-url";
import { listenForRoutingChanges, type RoutingNotifications } from "@/workers/persistence/routing-notifications";

/** Channel of prisma/sql/queues-notify.sql (any change to QueuedCall or AgentProfile). */
export const QUEUES_CHANNEL = "cc_queues_changed";

/**
 * Changes that arrive within this long are folded into one recompute: one matcher transaction writes
 * several statements (calls, agents), each one notification.
 */
export const DEBOUNCE_MS = 30;

type Listener = () => void;

interface Hub {
  listeners: Set<Listener>;
  connection: RoutingNotifications | null;
  timer: NodeJS.Timeout | null;
}

declare global {
  // One hub per server process, whichever route bundle imports this module first.
  var ccQueueChangesHub: Hub | undefined;
}

function hub(): Hub {
  globalThis.ccQueueChangesHub ??= { listeners: new Set(), connection: null, timer: null };
  return globalThis.ccQueueChangesHub;
}

function changed(state: Hub): void {
  if (state.timer !== null) return;
  state.timer = setTimeout(() => {
    state.timer = null;
    for (const listener of [...state.listeners]) listener();
  }, DEBOUNCE_MS);
}

/**
 * Calls `listener` (debounced) after queued calls or agents changed, and after the LISTEN connection
 * is (re)established (changes may have been missed meanwhile). One LISTEN connection per process,
 * open while anyone listens. Returns the unsubscribe.
 */
export function onQueueChange(listener: Listener): () => void {
  const state = hub();
  state.listeners.add(listener);
  state.connection ??= listenForRoutingChanges({
    databaseUrl: databaseUrl(),
    channel: QUEUES_CHANNEL,
    onChange: () => changed(state),
    log: (message) => console.warn(`queues: ${message}`),
  });
  return () => {
    state.listeners.delete(listener);
    if (state.listeners.size > 0 || state.connection === null) return;
    void state.connection.close();
    state.connection = null;
  };
}
