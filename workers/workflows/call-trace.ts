import type { StepTrace } from "../../flows-runtime/interpreter/trace";
import type { FinishExecutionInput, RecordingInput } from "../persistence/execution-store";

export type PendingRecording = Omit<RecordingInput, "nodeId" | "executionId">;

/** What the workflow and its effects do with a call's step trace (TraceBuffer, BatchedTrace). */
export interface CallTrace {
  /** CallStep.seq of the next step; counts subflow steps too, so it is the call's own counter. */
  readonly nextSeq: number;
  readonly lastStepId: string | null;
  addRecording(recording: PendingRecording): void;
  setDetail(detail: Record<string, unknown>): void;
  push(trace: StepTrace, nodePrefix: string | null): void;
  /** The call waits anyway (a prompt plays, the caller types): a good moment to write; never waits. */
  flushInBackground(): void;
  /** Writes everything; before the run continues as new. */
  flushAll(): Promise<void>;
  /** Writes everything and the call's outcome. */
  finish(outcome: Omit<FinishExecutionInput, "lastNodeId">): Promise<void>;
}
