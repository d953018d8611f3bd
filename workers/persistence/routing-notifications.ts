import pg from "pg";

/** Channel of prisma/sql/routing-notify.sql. */
export const ROUTING_CHANNEL = "cc_flows_routing";

export interface RoutingNotifications {
  close(): Promise<void>;
}

export interface RoutingNotificationsOptions {
  databaseUrl: string;
  /** Another channel to LISTEN on (default ROUTING_CHANNEL): the queues' offers and changes use this too. */
  channel?: string;
  /** A flow's live version or an entry point changed, or the connection was (re)established (changes may have been missed). */
  onChange(reason: string): void;
  log?: (message: string) => void;
  maxDelayMs?: number;
}

/**
 * LISTEN on its own connection (Prisma cannot), reconnecting with backoff while the database is
 * unreachable. Every (re)connect counts as a change: notifications sent meanwhile are lost.
 */
export function listenForRoutingChanges(options: RoutingNotificationsOptions): RoutingNotifications {
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const channel = options.channel ?? ROUTING_CHANNEL;
  let client: pg.Client | null = null;
  let closed = false;
  let delayMs = 250;
  let timer: NodeJS.Timeout | null = null;
  let wasDown = false;

  const scheduleReconnect = () => {
    if (closed || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delayMs);
    timer.unref();
    delayMs = Math.min(maxDelayMs, delayMs * 2);
  };

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: options.databaseUrl, connectionTimeoutMillis: 5_000, keepAlive: true });
    client = next;
    let failed = false;
    const fail = (err?: unknown) => {
      if (failed) return;
      failed = true;
      if (!wasDown) options.log?.(`${channel} notifications lost (${err instanceof Error ? err.message : "connection closed"}); reconnecting`);
      wasDown = true;
      next.removeAllListeners("notification");
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      scheduleReconnect();
    };
    next.on("error", fail);
    next.on("end", () => fail());
    next.on("notification", (message) => {
      if (message.channel === channel) options.onChange(message.payload ?? "change");
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (err) {
      fail(err);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    delayMs = 250;
    if (wasDown) options.log?.(`${channel} notifications back`);
    wasDown = false;
    options.onChange("connected");
  }

  void connect();
  return {
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners("end");
        current.removeAllListeners("error");
        current.on("error", () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
