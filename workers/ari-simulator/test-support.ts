import WebSocket from "ws";
import type { AriSimulator } from "./server";

export type RawEvent = Record<string, any> & { type: string };

/** Raw ARI WebSocket subscriber that records every frame with its arrival order. */
export interface RawSubscriber {
  events: RawEvent[];
  ws: WebSocket;
  waitFor(pred: (e: RawEvent) => boolean, timeoutMs?: number): Promise<RawEvent>;
  close(): Promise<void>;
}

export async function subscribe(sim: AriSimulator, app = "cc-flows", auth = "asterisk:asterisk"): Promise<RawSubscriber> {
  const ws = new WebSocket(`ws://127.0.0.1:${sim.port}/ari/events?app=${app}&api_key=${auth}`);
  const events: RawEvent[] = [];
  const waiters = new Set<() => void>();
  ws.on("message", (d) => {
    events.push(JSON.parse(d.toString()) as RawEvent);
    for (const w of [...waiters]) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return {
    events,
    ws,
    waitFor(pred, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(pred);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for event; got ${events.map((e) => e.type).join(",")}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      if (ws.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        ws.once("close", () => resolve());
        ws.close();
      });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Raw ARI HTTP call with Basic auth. */
export async function ari(sim: AriSimulator, method: string, path: string, opts: { auth?: string | null; body?: unknown } = {}): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  const auth = opts.auth === undefined ? "asterisk:asterisk" : opts.auth;
  if (auth) headers.Authorization = "Basic " + Buffer.from(auth).toString("base64");
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(sim.url + path, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
