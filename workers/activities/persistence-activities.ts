import type { PrismaClient } from "../../prisma/client";
import { loadCallPlans, type CallPlanSource } from "../persistence/call-plans";
import {
  createExecutionStore,
  type BeginExecutionInput,
  type FinishExecutionInput,
  type PersistedStep,
  type RecordingInput,
} from "../persistence/execution-store";

export function createPersistenceActivities(prisma: PrismaClient) {
  const store = createExecutionStore(prisma);
  return {
    beginExecution: (input: BeginExecutionInput) => store.beginExecution(input),
    appendSteps: (executionId: string, steps: PersistedStep[]) => store.appendSteps(executionId, steps),
    finishExecution: (input: FinishExecutionInput) => store.finishExecution(input),
    saveRecording: (input: RecordingInput) => store.saveRecording(input),
    loadCallPlans: (source: CallPlanSource, pinned: Record<string, string>) => loadCallPlans(prisma, source, pinned),
  };
}

export type PersistenceActivities = ReturnType<typeof createPersistenceActivities>;
