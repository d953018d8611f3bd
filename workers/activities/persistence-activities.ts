import type { PrismaClient } from "../../prisma/client";
import { loadCallPlans, type CallPlanSource } from "../persistence/call-plans";
import type { PlanCache } from "../persistence/plan-cache";
import {
  createExecutionStore,
  type BeginExecutionInput,
  type FinishExecutionInput,
  type PersistedStep,
  type RecordingInput,
  type TraceBatch,
} from "../persistence/execution-store";

/** `plans`: the worker's plan cache, so calls start while the database is unreachable. */
export function createPersistenceActivities(prisma: PrismaClient, plans?: PlanCache) {
  const store = createExecutionStore(prisma);
  return {
    beginExecution: (input: BeginExecutionInput) => store.beginExecution(input),
    appendSteps: (executionId: string, steps: PersistedStep[]) => store.appendSteps(executionId, steps),
    finishExecution: (input: FinishExecutionInput) => store.finishExecution(input),
    saveRecording: (input: RecordingInput) => store.saveRecording(input),
    writeTrace: (batch: TraceBatch) => store.writeTrace(batch),
    loadCallPlans: (source: CallPlanSource, pinned: Record<string, string>) => loadCallPlans(prisma, source, pinned, plans),
  };
}

export type PersistenceActivities = ReturnType<typeof createPersistenceActivities>;
