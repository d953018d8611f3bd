import type { LogEntry } from "@/workers/ari-simulator";
import { renderTable } from "../run-flow/text-table";

export interface FaultResult {
  fault: string;
  description: string;
  /** false: the fault could not be injected (no hook), the calls ran without it. */
  injected: boolean;
  placed: number;
  /** Refused by the simulator: no Stasis application while the bridge was away (Asterisk: Stasis() fails). */
  refused: number;
  correct: number;
  /** Ended, but not as the flow says (other outcome or path). */
  lost: number;
  /** Not ended within the call timeout. */
  stuck: number;
  /** Longest time a caller waited with nothing playing, over all calls. */
  longestSilenceMs: number;
}

/**
 * The longest wait of one call with nothing playing: from its arrival or the end of a prompt to
 * the next play request or the flow's hangup.
 */
export function longestSilenceMs(log: LogEntry[]): number {
  let longest = 0;
  let silentSince: number | null = null;
  for (const entry of log) {
    if (entry.kind === "inbound" || entry.kind === "playbackFinished") silentSince ??= entry.t;
    if ((entry.kind === "playRequest" || entry.kind === "hangupRequest") && silentSince !== null) {
      longest = Math.max(longest, entry.t - silentSince);
      silentSince = null;
    }
    if (entry.kind === "hangup" || entry.kind === "continue") silentSince = null;
  }
  return Math.round(longest);
}

export function renderChaosReport(results: FaultResult[]): string {
  return renderTable(
    [
      { header: "fault" },
      { header: "placed", align: "right" },
      { header: "refused", align: "right" },
      { header: "correct", align: "right" },
      { header: "lost", align: "right" },
      { header: "stuck", align: "right" },
      { header: "longest silence", align: "right" },
      { header: "what" },
    ],
    results.map((r) => [
      r.fault,
      String(r.placed),
      String(r.refused),
      String(r.correct),
      String(r.lost),
      String(r.stuck),
      `${(r.longestSilenceMs / 1000).toFixed(1)} s`,
      r.injected ? r.description : `NOT INJECTED (no hook): ${r.description}`,
    ]),
  );
}
