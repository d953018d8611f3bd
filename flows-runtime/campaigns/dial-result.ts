/** How an attempt ended before (or instead of) running the campaign flow. */
export const dialResults = ["answered", "busy", "no-answer", "congestion", "failed"] as const;
export type DialResult = (typeof dialResults)[number];

/**
 * Asterisk's DIALSTATUS values (app_dial.c) → result. CHANUNAVAIL (no route, endpoint offline) and
 * anything unknown count as failed.
 */
export function resultOfDialStatus(dialStatus: string): DialResult | null {
  switch (dialStatus.toUpperCase()) {
    case "ANSWER":
      return "answered";
    case "BUSY":
      return "busy";
    case "NOANSWER":
      return "no-answer";
    case "CONGESTION":
      return "congestion";
    case "CHANUNAVAIL":
    case "CANCEL":
      return "failed";
    default:
      return null;
  }
}

/**
 * Q.850 hangup cause of a channel that ended before it was answered → result: 17 user busy;
 * 18 no user responding and 19 no answer; 34 circuit congestion, 38, 41, 42 network trouble, 44
 * channel not available; everything else (1 unallocated number, 3 no route, 20 subscriber absent,
 * 21 rejected, 27 out of order …) failed.
 */
export function resultOfHangupCause(cause: number | null): DialResult {
  switch (cause) {
    case 17:
      return "busy";
    case 18:
    case 19:
      return "no-answer";
    case 34:
    case 38:
    case 41:
    case 42:
    case 44:
      return "congestion";
    default:
      return "failed";
  }
}
