import { z } from "zod";

/** POST /_sim/faults/drop-events: events matching the rule are not sent, as if no socket had been connected. */
export const DropEventsSchema = z.object({
  /** Only this channel's events (a playback's or recording's target channel counts); default every channel. */
  channelId: z.string().min(1).optional(),
  /** Event types, e.g. ["PlaybackFinished"]. */
  types: z.array(z.string().min(1)).min(1),
  /** How many matching events to drop; default every one until cleared. */
  count: z.number().int().min(1).optional(),
});
export type DropEventsRule = z.infer<typeof DropEventsSchema>;

/** POST /_sim/faults/delay-responses: the request is carried out at once, its answer sent `ms` later. */
export const DelayResponsesSchema = z.object({
  method: z.string().min(1),
  /** A regular expression matched against the path after /ari, e.g. "^/channels/[^/]+/play/". */
  path: z.string().min(1),
  ms: z.number().int().min(1).max(120_000),
  count: z.number().int().min(1).optional(),
});
export type DelayResponsesRule = z.infer<typeof DelayResponsesSchema>;

/** The channel an ARI event is about: its channel, or the target of its playback or recording. */
function channelOf(event: Record<string, unknown>): string | null {
  for (const key of ["channel", "playback", "recording"]) {
    const value = event[key];
    if (typeof value !== "object" || value === null) continue;
    const id = Reflect.get(value, "id");
    if (key === "channel" && typeof id === "string") return id;
    const target = Reflect.get(value, "target_uri");
    if (typeof target === "string" && target.startsWith("channel:")) return target.slice("channel:".length);
  }
  return null;
}

/**
 * Fault injection for tests (not part of Asterisk): drops chosen events before they reach any
 * WebSocket, the way events are lost while an application's socket is down; holds chosen answers
 * back after the command ran, the window in which a client that crashes never learns it ran.
 */
export class SimFaults {
  private rules: { rule: DropEventsRule; left: number }[] = [];
  private delays: { rule: DelayResponsesRule; pattern: RegExp; left: number }[] = [];

  drop(rule: DropEventsRule): void {
    this.rules.push({ rule, left: rule.count ?? Number.POSITIVE_INFINITY });
  }

  delayResponses(rule: DelayResponsesRule): void {
    this.delays.push({ rule, pattern: new RegExp(rule.path), left: rule.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
    this.delays = [];
  }

  /** Milliseconds to hold the answer to this request back (0: none); counts it against its rule. */
  responseDelayMs(method: string, path: string): number {
    const match = this.delays.find(({ rule, pattern, left }) => left > 0 && rule.method === method && pattern.test(path));
    if (!match) return 0;
    match.left -= 1;
    return match.rule.ms;
  }

  /** True when this event must be dropped (and counts it against its rule). */
  shouldDrop(event: Record<string, unknown>): boolean {
    if (this.rules.length === 0) return false;
    const type = event.type;
    if (typeof type !== "string") return false;
    const channelId = channelOf(event);
    const match = this.rules.find(({ rule, left }) => left > 0 && rule.types.includes(type) && (rule.channelId === undefined || rule.channelId === channelId));
    if (!match) return false;
    match.left -= 1;
    return true;
  }
}
