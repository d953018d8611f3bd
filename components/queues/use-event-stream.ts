"use client";

import { useEffect, useState } from "react";
import type { z } from "zod";

export interface Stream<T> {
  value: T | null;
  connected: boolean;
  /** Server clock minus browser clock at the last event, so waits tick from the server's times. */
  clockOffsetMs: number;
}

/**
 * Follows a server-sent events stream of one event type; the browser's EventSource reconnects by
 * itself (the server asks for a 1 s retry). Each event is checked against `schema`.
 */
export function useEventStream<Schema extends z.ZodType>(url: string, event: string, schema: Schema, serverTime: (value: z.output<Schema>) => number): Stream<z.output<Schema>> {
  const [stream, setStream] = useState<Stream<z.output<Schema>>>({ value: null, connected: false, clockOffsetMs: 0 });
  useEffect(() => {
    const source = new EventSource(url);
    const onEvent = (message: MessageEvent<string>) => {
      const parsed = schema.safeParse(JSON.parse(message.data));
      if (!parsed.success) {
        console.error(`unexpected ${event} event`, parsed.error);
        return;
      }
      setStream({ value: parsed.data, connected: true, clockOffsetMs: serverTime(parsed.data) - Date.now() });
    };
    source.addEventListener(event, onEvent);
    source.onopen = () => setStream((current) => ({ ...current, connected: true }));
    source.onerror = () => setStream((current) => ({ ...current, connected: false }));
    return () => source.close();
    // serverTime and schema are module-level in every caller.
  }, [url, event]);
  return stream;
}

/** The current time, re-rendered every `everyMs`: for counters that tick. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
