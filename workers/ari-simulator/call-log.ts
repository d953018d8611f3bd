import { now } from "./clock";

/**
 * What the application asked the switch to do and what the switch did, with high-resolution
 * epoch-ms timestamps (performance.timeOrigin + performance.now()).
 * Request entries carry the time the HTTP request reached the simulator; event entries the time
 * the WebSocket frame was handed to the socket.
 */
export interface LogEntry {
  t: number;
  kind: string;
  channelId?: string;
  [key: string]: unknown;
}

export class CallLog {
  readonly entries: LogEntry[] = [];
  private readonly max: number;

  constructor(max = 200_000) {
    this.max = max;
  }

  add(kind: string, channelId: string | undefined, data: Record<string, unknown> = {}, t: number = now()): LogEntry {
    const entry: LogEntry = { t, kind, ...(channelId ? { channelId } : {}), ...data };
    this.entries.push(entry);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
    return entry;
  }

  forChannel(channelId: string): LogEntry[] {
    return this.entries.filter((e) => e.channelId === channelId);
  }
}
