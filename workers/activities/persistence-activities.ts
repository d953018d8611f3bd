import type { PrismaClient } from "../../prisma/client";
import { loadCallPlans } from "../persistence/call-plans";
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
    loadCallPlans: (flowVersionId: string, pinned: Record<string, string>) => loadCallPlans(prisma, flowVersionId, pinned),
  };
}

export type PersistenceActivities = ReturnType<typeof createPersistenceActivities>;
