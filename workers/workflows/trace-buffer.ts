import { log } from "@temporalio/workflow";
import type { StepTrace } from "../../flows-runtime/interpreter/trace";
import type { FinishExecutionInput, PersistedStep, RecordingInput } from "../persistence/execution-store";
import { dbWrites } from "./activity-proxies";
import type { CallTrace, PendingRecording } from "./call-trace";

/**
 * Runs started before CALL_COST_2_PATCH (see BatchedTrace for the others).
 * Buffers step traces and writes them in one activity while the call waits anyway (a prompt is
 * playing, the caller is typing), so no DB write sits between a digit and the next play request.
 * Nothing is written before the CallExecution row exists (`ready`), which the call does not wait for.
 */
export class TraceBuffer implements CallTrace {
  private pending: PersistedStep[] = [];
  private recordings: RecordingInput[] = [];
  private recordingsOfCurrentStep: PendingRecording[] = [];
  private detailOfCurrentStep: Record<string, unknown> | null = null;
  private inFlight: Promise<void> | null = null;
  lastStepId: string | null = null;
  private readyState: "pending" | "ok" | "failed" = "pending";

  constructor(
    private readonly executionId: string,
    /** CallStep.seq of the next step; counts subflow steps too, so it is the call's own counter. */
    public nextSeq: number,
    /** Resolves true once the CallExecution row is written, false if it never can be; null: it exists. */
    private readonly ready: Promise<boolean> | null = null,
  ) {
    if (ready === null) this.readyState = "ok";
    else
      void ready.then((ok) => {
        this.readyState = ok ? "ok" : "failed";
      });
  }

  /** A recording made by the step being executed; saved with that step's node id. */
  addRecording(recording: PendingRecording): void {
    this.recordingsOfCurrentStep.push(recording);
  }

  /** Detail the next persisted step carries (e.g. a transfer's hand-over). */
  setDetail(detail: Record<string, unknown>): void {
    this.detailOfCurrentStep = { ...this.detailOfCurrentStep, ...detail };
  }

  push(trace: StepTrace, nodePrefix: string | null): void {
    const nodeId = nodePrefix === null ? trace.stepId : `${nodePrefix}:${trace.stepId}`;
    this.pending.push({ ...trace, seq: this.nextSeq, stepId: nodeId, detail: this.detailOfCurrentStep });
    this.nextSeq += 1;
    this.lastStepId = nodeId;
    this.detailOfCurrentStep = null;
    for (const recording of this.recordingsOfCurrentStep) {
      this.recordings.push({ ...recording, executionId: this.executionId, nodeId });
    }
    this.recordingsOfCurrentStep = [];
  }

  /** Starts a write of everything buffered unless one is already running; never waits. */
  flushInBackground(): void {
    if (this.inFlight !== null || (this.pending.length === 0 && this.recordings.length === 0)) return;
    const steps = this.pending;
    const recordings = this.recordings;
    this.pending = [];
    this.recordings = [];
    const write = async (): Promise<void> => {
      if (this.readyState === "failed") {
        log.error("call execution row missing: trace dropped", { steps: steps.length, recordings: recordings.length });
        return;
      }
      await Promise.all([
        steps.length > 0 ? dbWrites.appendSteps(this.executionId, steps) : Promise.resolve(0),
        ...recordings.map((r) => dbWrites.saveRecording(r)),
      ]);
    };
    // Once the row exists the writes are scheduled at once, in the order the workflow asks for them.
    const written = this.readyState === "pending" && this.ready !== null ? this.ready.then(write) : write();
    this.inFlight = written.then(
      () => {
        this.inFlight = null;
      },
      (err: unknown) => {
        // Writes are idempotent: put the batch back for the next flush.
        log.warn("trace flush failed; retrying with the next flush", { error: String(err) });
        this.pending = [...steps, ...this.pending];
        this.recordings = [...recordings, ...this.recordings];
        this.inFlight = null;
      },
    );
  }

  /** Writes everything; used before the call ends or continues as new. */
  async flushAll(maxRounds = 3): Promise<void> {
    for (let round = 0; round < maxRounds * 2; round += 1) {
      if (this.inFlight !== null) {
        await this.inFlight;
        continue;
      }
      if (this.pending.length === 0 && this.recordings.length === 0) return;
      this.flushInBackground();
    }
    if (this.pending.length > 0) log.error("trace steps could not be written", { steps: this.pending.length });
  }

  async finish(outcome: Omit<FinishExecutionInput, "lastNodeId">): Promise<void> {
    await this.flushAll();
    if (this.ready !== null && !(await this.ready)) return;
    await dbWrites.finishExecution({ ...outcome, lastNodeId: this.lastStepId });
  }
}
