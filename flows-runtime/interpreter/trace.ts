export type CallOutcome = "completed" | "transferred" | "caller-hangup" | "failed" | "step-limit";

/** One node visit, as persisted for the call's step trace. */
export interface StepTrace {
  seq: number;
  stepId: string;
  stepType: string;
  label: string | null;
  enteredAt: string;
  durationMs: number;
  /** Port taken, or null when the call ended in this step. */
  port: string | null;
  /** Caller input consumed in this step (DTMF digits), if any. */
  input: string | null;
  varsChanged: Record<string, { before: unknown; after: unknown }>;
  error: string | null;
}
