import { z } from "zod";

/** A row of callPageSql, checked rather than trusted: raw SQL has no generated types. */
export const callRowSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  flowName: z.string().nullable(),
  flowVersionId: z.string().nullable(),
  versionNumber: z.number().int().nullable(),
  caller: z.string(),
  dialed: z.string(),
  language: z.string(),
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  outcome: z.string().nullable(),
  error: z.string().nullable(),
  lastNodeId: z.string().nullable(),
  lastLabel: z.string().nullable(),
  lastNodeType: z.string().nullable(),
  hasRecording: z.boolean(),
});
export type CallRow = z.infer<typeof callRowSchema>;

/** What the log shows of a call (plain JSON: ISO times, seconds). */
export interface CallSummary {
  id: string;
  flowId: string;
  flowName: string | null;
  versionId: string | null;
  versionNumber: number | null;
  caller: string;
  dialed: string;
  language: string;
  startedAt: string;
  endedAt: string | null;
  /** Null while the call runs. */
  durationSeconds: number | null;
  outcome: string | null;
  error: string | null;
  lastNodeId: string | null;
  lastNodeLabel: string | null;
  lastNodeType: string | null;
  hasRecording: boolean;
}

/** A call's length in seconds, to a tenth; null while it runs. */
export function callDurationSeconds(startedAt: Date, endedAt: Date | null): number | null {
  return endedAt === null ? null : Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 100) / 10);
}

export function toCallSummary(row: CallRow): CallSummary {
  return {
    id: row.id,
    flowId: row.flowId,
    flowName: row.flowName,
    versionId: row.flowVersionId,
    versionNumber: row.versionNumber,
    caller: row.caller,
    dialed: row.dialed,
    language: row.language,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    durationSeconds: callDurationSeconds(row.startedAt, row.endedAt),
    outcome: row.outcome,
    error: row.error,
    lastNodeId: row.lastNodeId,
    lastNodeLabel: row.lastLabel,
    lastNodeType: row.lastNodeType,
    hasRecording: row.hasRecording,
  };
}
