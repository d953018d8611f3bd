import WebSocket from "ws";
import { AriHttpError } from "./errors";
import {
  type AnyAriEvent,
  type AriEventMap,
  type ConnectionEvent,
  parseAriEvent,
} from "./events";

export interface AriEventStreamConfig {
  url: string;
  username: string;
  password: string;
  app: string;
  /** Reconnect backoff: first delay, doubled up to maxDelayMs. Defaults 100 ms / 5 s. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Called when a handler throws; the stream keeps going. Default: console.error. */
  onHandlerError?: (err: unknown, event: AnyAriEvent | ConnectionEvent) => void;
}

type Handler<E> = (event: E) => void;

export interface AriEventStream {
  /** Opens the WebSocket; resolves once connected. Rejects only if the first attempt is refused with an HTTP status (401, 400). */
  connect(): Promise<void>;
  on<K extends keyof AriEventMap>(type: K, handler: Handler<AriEventMap[K]>): () => void;
  off<K extends keyof AriEventMap>(type: K, handler: Handler<AriEventMap[K]>): void;
  /** Every Asterisk event, known or not (not the client's own "connection" events). */
  onAny(handler: Handler<AnyAriEvent>): () => void;
  close(): Promise<void>;
  readonly connected: boolean;
}

/** Builds ws://host/ari/events?app=…&api_key=user:pass&subscribeAll=false from an http(s) base URL. */
export function eventsUrl(config: Pick<AriEventStreamConfig, "url" | "username" | "password" | "app">): string {
  const u = new URL(config.url.replace(/\/+$/, "") + "/ari/events");
  u.protocol = u.protocol === "https:" ? "wss:" : "ws:";
  u.searchParams.set("app", config.app);
  u.searchParams.set("api_key", `${config.username}:${config.password}`);
  u.searchParams.set("subscribeAll", "false");
  return u.toString();
}

export function createAriEventStream(config: AriEventStreamConfig): AriEventStream {
  const handlers = new Map<string, Set<Handler<never>>>();
  const anyHandlers = new Set<Handler<AnyAriEvent>>();
  const initialDelay = config.initialDelayMs ?? 100;
  const maxDelay = config.maxDelayMs ?? 5_000;
  const onHandlerError =
    config.onHandlerError ?? ((err: unknown) => console.error("[ari] event handler failed:", err));

  let ws: WebSocket | null = null;
  let closed = false;
  let isConnected = false;
  let everConnected = false;
  let everConnectedBefore = false;
  let attempt = 0;
  let delay = initialDelay;
  let timer: NodeJS.Timeout | null = null;
  let firstConnect: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  let connectPromise: Promise<void> | null = null;

  function dispatch(type: string, event: AnyAriEvent | ConnectionEvent): void {
    for (const h of handlers.get(type) ?? []) {
      try {
        (h as Handler<typeof event>)(event);
      } catch (err) {
        onHandlerError(err, event);
      }
    }
    if (type === "connection") return;
    for (const h of anyHandlers) {
      try {
        h(event as AnyAriEvent);
      } catch (err) {
        onHandlerError(err, event);
      }
    }
  }

  function lifecycle(state: ConnectionEvent["state"], error?: string): void {
    const e: ConnectionEvent = {
      type: "connection",
      state,
      reconnected: state === "connected" && everConnectedBefore,
      attempt,
      ...(error ? { error } : {}),
    };
    dispatch("connection", e);
  }

  function scheduleReconnect(): void {
    if (closed || timer) return;
    const wait = Math.min(delay, maxDelay) * (0.8 + Math.random() * 0.4);
    delay = Math.min(delay * 2, maxDelay);
    timer = setTimeout(() => {
      timer = null;
      open();
    }, wait);
  }

  function open(): void {
    if (closed) return;
    attempt += 1;
    const socket = new WebSocket(eventsUrl(config));
    ws = socket;
    let replaced = false;
    socket.on("open", () => {
      if (ws !== socket) return;
      everConnectedBefore = everConnected;
      everConnected = true;
      isConnected = true;
      delay = initialDelay;
      lifecycle("connected");
      firstConnect?.resolve();
      firstConnect = null;
    });
    socket.on("message", (data) => {
      if (ws !== socket) return;
      const event = parseAriEvent(data.toString());
      if (event.type === "ApplicationReplaced" && event.application === config.app) {
        // Another process took the application over: do not fight for it.
        replaced = true;
        dispatch(event.type, event);
        isConnected = false;
        lifecycle("replaced");
        closed = true;
        socket.close();
        return;
      }
      dispatch(event.type, event);
    });
    socket.on("unexpected-response", (_req, res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* HTML error page */
        }
        const err = new AriHttpError(res.statusCode ?? 0, "GET", "/events", messageOf(body), body);
        socket.terminate();
        if (firstConnect && !everConnected) {
          firstConnect.reject(err);
          firstConnect = null;
          closed = true;
          return;
        }
        lifecycle("disconnected", err.message);
        scheduleReconnect();
      });
    });
    socket.on("error", () => {
      /* 'close' follows; reconnect is handled there */
    });
    socket.on("close", () => {
      if (ws !== socket) return;
      ws = null;
      const was = isConnected;
      isConnected = false;
      if (replaced || closed) return;
      if (was) lifecycle("disconnected");
      scheduleReconnect();
    });
  }

  return {
    connect(): Promise<void> {
      if (connectPromise) return connectPromise;
      closed = false;
      connectPromise = new Promise<void>((resolve, reject) => {
        firstConnect = { resolve, reject };
      });
      open();
      return connectPromise;
    },
    on(type, handler) {
      let set = handlers.get(type);
      if (!set) handlers.set(type, (set = new Set()));
      set.add(handler as Handler<never>);
      return () => set.delete(handler as Handler<never>);
    },
    off(type, handler) {
      handlers.get(type)?.delete(handler as Handler<never>);
    },
    onAny(handler) {
      anyHandlers.add(handler);
      return () => anyHandlers.delete(handler);
    },
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const socket = ws;
      ws = null;
      isConnected = false;
      if (!socket || socket.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
        else socket.close();
        setTimeout(() => {
          socket.terminate();
          resolve();
        }, 1_000).unref();
      });
    },
    get connected() {
      return isConnected;
    },
  };
}

function messageOf(body: unknown): string {
  if (body && typeof body === "object" && typeof (body as { message?: unknown }).message === "string") {
    return (body as { message: string }).message;
  }
  if (typeof body === "string") return /<p>([^<]*)<\/p>/.exec(body)?.[1] ?? body.slice(0, 200);
  return "WebSocket upgrade refused";
}
