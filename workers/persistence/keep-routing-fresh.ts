import { listenForRoutingChanges, type RoutingNotifications } from "./routing-notifications";

/** Refreshes the caches on every routing change notified by the database (and once connected). */
export function keepRoutingFresh(
  databaseUrl: string,
  caches: { refresh(): Promise<void>; close(): void }[],
  log?: (message: string) => void,
): RoutingNotifications {
  const listener = listenForRoutingChanges({
    databaseUrl,
    log,
    onChange: () => {
      for (const cache of caches) void cache.refresh();
    },
  });
  return {
    async close() {
      for (const cache of caches) cache.close();
      await listener.close();
    },
  };
}
