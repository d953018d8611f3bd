import { log, sleep } from "@temporalio/workflow";
import type { StepTrace } from "../../flows-runtime/interpreter/trace";
import type { BeginExecutionInput, FinishExecutionInput, PersistedStep, RecordingInput } from "../persistence/execution-store";
import { dbWrites } from "./activity-proxies";
import type { CallTrace, PendingRecording } from "./call-trace";

/** A step reaches the database at most about this long after it ended (call log: the call is followed live). */
export const TRACE_WRITE_INTERVAL_MS = 3_000;
/** Attempts of the last write; each one is an activity retried for up to a day (dbWrites). */
const FINAL_WRITE_ATTEMPTS = 3;

/**
 * A call's trace written in few batches: each write is a regular activity (retried through a
 * database outage of any length), and each one costs the call a workflow task, three history events
 * and server round trips. So the row, the steps and the outcome go in one `writeTrace`: a call shorter
 * than TRACE_WRITE_INTERVAL_MS writes once, at its end; a longer one at most every interval, at a
 * moment the call waits anyway (a timer when no such moment comes), and once more at its end.
 */
export class BatchedTrace implements CallTrace {
  private steps: PersistedStep[] = [];
  private recordings: RecordingInput[] = [];
  private recordingsOfCurrentStep: PendingRecording[] = [];
  private detailOfCurrentStep: Record<string, unknown> | null = null;
  private inFlight: Promise<boolean> | null = null;
  private lastWriteAt = Date.now();
  private timerArmed = false;
  lastStepId: string | null = null;

  constructor(
    private readonly executionId: string,
    public nextSeq: number,
    /** The CallExecution row, written with the first batch; null when a previous run wrote it. */
    private begin: BeginExecutionInput | null,
  ) {}

  addRecording(recording: PendingRecording): void {
    this.recordingsOfCurrentStep.push(recording);
  }

  setDetail(detail: Record<string, unknown>): void {
    this.detailOfCurrentStep = { ...this.detailOfCurrentStep, ...detail };
  }

  push(trace: StepTrace, nodePrefix: string | null): void {
    const nodeId = nodePrefix === null ? trace.stepId : `${nodePrefix}:${trace.stepId}`;
    this.steps.push({ ...trace, seq: this.nextSeq, stepId: nodeId, detail: this.detailOfCurrentStep });
    this.nextSeq += 1;
    this.lastStepId = nodeId;
    this.detailOfCurrentStep = null;
    for (const recording of this.recordingsOfCurrentStep) {
      this.recordings.push({ ...recording, executionId: this.executionId, nodeId });
    }
    this.recordingsOfCurrentStep = [];
  }

  flushInBackground(): void {
    if (this.inFlight !== null || !this.hasPending()) return;
    const wait = this.lastWriteAt + TRACE_WRITE_INTERVAL_MS - Date.now();
    if (wait <= 0) {
      void this.write(null);
      return;
    }
    if (this.timerArmed) return;
    this.timerArmed = true;
    void sleep(wait).then(() => {
      this.timerArmed = false;
      this.flushInBackground();
    });
  }

  async flushAll(): Promise<void> {
    await this.settle();
    for (let attempt = 0; attempt < FINAL_WRITE_ATTEMPTS && this.hasPending(); attempt += 1) {
      if (await this.write(null)) return;
    }
    if (this.hasPending()) log.error("trace steps could not be written", { steps: this.steps.length });
  }

  async finish(outcome: Omit<FinishExecutionInput, "lastNodeId">): Promise<void> {
    await this.settle();
    for (let attempt = 0; attempt < FINAL_WRITE_ATTEMPTS; attempt += 1) {
      if (await this.write({ ...outcome, lastNodeId: this.lastStepId })) return;
    }
    log.error("the call's trace and outcome could not be written", { steps: this.steps.length });
  }

  private hasPending(): boolean {
    return this.begin !== null || this.steps.length > 0 || this.recordings.length > 0;
  }

  /** Waits for the write in flight (and any it starts on completion). */
  private async settle(): Promise<void> {
    while (this.inFlight !== null) await this.inFlight;
  }

  /** One writeTrace with everything buffered; true when written. A failed batch goes back in front. */
  private write(finish: FinishExecutionInput | null): Promise<boolean> {
    const begin = this.begin;
    const steps = this.steps;
    const recordings = this.recordings;
    this.steps = [];
    this.recordings = [];
    this.lastWriteAt = Date.now();
    const written = dbWrites.writeTrace({ executionId: this.executionId, begin, steps, recordings, finish }).then(
      () => {
        if (this.begin === begin) this.begin = null;
        this.inFlight = null;
        // Steps that came meanwhile: written at the next moment (or timer) the interval allows.
        this.flushInBackground();
        return true;
      },
      (err: unknown) => {
        // Writes are idempotent: the batch goes again with the next write.
        log.warn("trace write failed; retrying with the next write", { error: String(err) });
        this.steps = [...steps, ...this.steps];
        this.recordings = [...recordings, ...this.recordings];
        this.inFlight = null;
        return false;
      },
    );
    this.inFlight = written;
    return written;
  }
}
