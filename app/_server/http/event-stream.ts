/** Comment lines keep proxies and the browser from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

export type SendEvent = (event: string, data: unknown) => void;

/**
 * A server-sent events response. `start` begins pushing and returns its cleanup, called once when the
 * client goes away (the request is aborted) or the stream is cancelled.
 */
export function eventStreamResponse(signal: AbortSignal, start: (send: SendEvent) => () => void): Response {
  const encoder = new TextEncoder();
  let cleanup: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  const stop = () => {
    if (heartbeat !== null) clearInterval(heartbeat);
    heartbeat = null;
    cleanup?.();
    cleanup = null;
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          open = false;
          stop();
        }
      };
      const send: SendEvent = (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      write("retry: 1000\n\n");
      heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = start(send);
      signal.addEventListener("abort", () => {
        open = false;
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by the runtime.
        }
      });
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
}

/**
 * Runs `compute` now and after every `subscribe` call-back, never two at once (a change during a
 * computation runs one more after it), and sends each result unless it equals the one sent before.
 */
export function pushOnChange<T>(compute: () => Promise<T>, send: (value: T) => void, subscribe: (onChange: () => void) => () => void, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  let last = "";
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const value = await compute();
        const text = JSON.stringify(value);
        if (!stopped && text !== last) {
          last = text;
          send(value);
        }
      } while (again && !stopped);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  const unsubscribe = subscribe(() => void run());
  void run();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
