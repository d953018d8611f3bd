import type { StepTrace } from "../../flows-runtime/interpreter/trace";
import type { PrismaClient } from "../../prisma/client";

export interface BeginExecutionInput {
  executionId: string;
  workflowId: string;
  channelId: string;
  /** The Asterisk that holds the channel; absent from workflows started before there were several ("default"). */
  asteriskId?: string;
  flowId: string;
  flowVersionId: string | null;
  testCallPlanId: string | null;
  caller: string;
  dialed: string;
  language: string;
  startedAt: string;
}

export interface FinishExecutionInput {
  executionId: string;
  outcome: string;
  error: string | null;
  lastNodeId: string | null;
  endedAt: string;
  handover: Handover | null;
  /** The call's language when it ended (the flow may set it); null keeps the one it started with. */
  language?: string | null;
}

/** Where a transferred call went. */
export type Handover =
  /** context: the dialplan context it continued to; null when the product's queue took it (agentId, endedBy). */
  | { kind: "queue"; queue: string; priority: number; skills: string[]; context: string | null; agentId?: string; endedBy?: string }
  | { kind: "number" | "endpoint"; target: string; legChannelId: string; bridgeId: string };

/** A StepTrace as persisted: seq renumbered for the whole call, plus what the step did outside the flow. */
export interface PersistedStep extends StepTrace {
  detail: Record<string, unknown> | null;
}

export interface RecordingInput {
  executionId: string;
  nodeId: string;
  name: string;
  format: string;
  durationSeconds: number;
}

/** One write of a call's trace: the row (first write only), the steps and recordings since the last write, the outcome (last write only). */
export interface TraceBatch {
  executionId: string;
  begin: BeginExecutionInput | null;
  steps: PersistedStep[];
  recordings: RecordingInput[];
  finish: FinishExecutionInput | null;
}

/** Prisma JSON columns take JSON values; a round trip also turns `undefined` members into absent ones. */
function toJson(value: unknown) {
  return JSON.parse(JSON.stringify(value ?? {}));
}

/** CallExecution, CallStep and CallRecording writes. Every write is idempotent: activities retry. */
export function createExecutionStore(prisma: PrismaClient) {
  const store = {
    /** Idempotent by workflowId; returns the id of the execution row that exists afterwards. */
    async beginExecution(input: BeginExecutionInput): Promise<string> {
      const row = await prisma.callExecution.upsert({
        where: { workflowId: input.workflowId },
        update: {},
        create: {
          id: input.executionId,
          workflowId: input.workflowId,
          channelId: input.channelId,
          ...(input.asteriskId ? { asteriskId: input.asteriskId } : {}),
          flowId: input.flowId,
          flowVersionId: input.flowVersionId,
          testCallPlanId: input.testCallPlanId,
          caller: input.caller,
          dialed: input.dialed,
          language: input.language,
          startedAt: new Date(input.startedAt),
        },
        select: { id: true },
      });
      return row.id;
    },

    /** Idempotent: (executionId, seq) is unique and duplicates are skipped. */
    async appendSteps(executionId: string, steps: PersistedStep[]): Promise<number> {
      if (steps.length === 0) return 0;
      const result = await prisma.callStep.createMany({
        data: steps.map((s) => ({
          executionId,
          seq: s.seq,
          nodeId: s.stepId,
          nodeType: s.stepType,
          label: s.label,
          enteredAt: new Date(s.enteredAt),
          durationMs: Math.max(0, Math.round(s.durationMs)),
          port: s.port,
          input: s.input,
          varsChanged: toJson(s.varsChanged),
          error: s.error,
          detail: s.detail === null ? undefined : toJson(s.detail),
        })),
        skipDuplicates: true,
      });
      return result.count;
    },

    async finishExecution(input: FinishExecutionInput): Promise<void> {
      await prisma.callExecution.update({
        where: { id: input.executionId },
        data: {
          outcome: input.outcome,
          error: input.error,
          lastNodeId: input.lastNodeId,
          endedAt: new Date(input.endedAt),
          handover: input.handover === null ? undefined : toJson(input.handover),
          ...(input.language ? { language: input.language } : {}),
        },
      });
    },

    /** Idempotent by recording name. */
    async saveRecording(input: RecordingInput): Promise<void> {
      await prisma.callRecording.upsert({
        where: { name: input.name },
        update: {},
        create: input,
      });
    },

    /** Each part in the order a reader expects (row, steps, recordings, outcome); idempotent as its parts are. */
    async writeTrace(batch: TraceBatch): Promise<void> {
      if (batch.begin !== null) await store.beginExecution(batch.begin);
      await store.appendSteps(batch.executionId, batch.steps);
      for (const recording of batch.recordings) await store.saveRecording(recording);
      if (batch.finish !== null) await store.finishExecution(batch.finish);
    },
  };
  return store;
}

export type ExecutionStore = ReturnType<typeof createExecutionStore>;
