import type { LogEntry } from "@/workers/ari-simulator";

export interface LatencyStats {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface CallMetrics {
  /** Calls that reached their first prompt. */
  answered: number;
  /** From the first call arriving to the last call's first prompt. */
  setupSpanMs: number;
  /** answered / setupSpan: how fast new calls were brought to their first prompt. */
  newCallsPerSecond: number;
  /** Call arriving (inbound) → first play request, per call. */
  setup: LatencyStats;
  /** DTMF event leaving the simulator → the next play request reaching it. */
  dtmfToPrompt: LatencyStats;
  /** DTMF events with no play request after them (the call ended instead). */
  dtmfWithoutPrompt: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function latencyStats(values: number[]): LatencyStats {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Metrics of the given calls from the simulator's call log (its own timestamps, one clock). */
export function callMetrics(entries: LogEntry[], callIds: ReadonlySet<string>): CallMetrics {
  const byCall = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    if (entry.channelId === undefined || !callIds.has(entry.channelId)) continue;
    let list = byCall.get(entry.channelId);
    if (!list) byCall.set(entry.channelId, (list = []));
    list.push(entry);
  }
  const setup: number[] = [];
  const dtmf: number[] = [];
  let firstInbound = Number.POSITIVE_INFINITY;
  let lastFirstPrompt = Number.NEGATIVE_INFINITY;
  let dtmfWithoutPrompt = 0;
  for (const list of byCall.values()) {
    list.sort((a, b) => a.t - b.t);
    const inbound = list.find((e) => e.kind === "inbound");
    const plays = list.filter((e) => e.kind === "playRequest");
    const firstPlay = plays[0];
    if (inbound && firstPlay) {
      setup.push(firstPlay.t - inbound.t);
      firstInbound = Math.min(firstInbound, inbound.t);
      lastFirstPrompt = Math.max(lastFirstPrompt, firstPlay.t);
    }
    for (const d of list) {
      if (d.kind !== "dtmf" || d.delivered !== true) continue;
      const next = plays.find((p) => p.t >= d.t);
      if (next) dtmf.push(next.t - d.t);
      else dtmfWithoutPrompt += 1;
    }
  }
  const spanMs = setup.length > 0 ? lastFirstPrompt - firstInbound : 0;
  return {
    answered: setup.length,
    setupSpanMs: spanMs,
    newCallsPerSecond: spanMs > 0 ? setup.length / (spanMs / 1000) : Number.NaN,
    setup: latencyStats(setup),
    dtmfToPrompt: latencyStats(dtmf),
    dtmfWithoutPrompt,
  };
}
