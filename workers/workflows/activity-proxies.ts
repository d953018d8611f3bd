import { patched, proxyActivities, proxyLocalActivities } from "@temporalio/workflow";
import type { HttpRequest, HttpResponse } from "../../flows-runtime/interpreter/effects";
import type { AriActivities } from "../activities/ari-activities";
import type { PersistenceActivities } from "../activities/persistence-activities";
import type { PromptActivities } from "../activities/prompt-activities";
import type { TtsActivities } from "../activities/tts-activities";
import { CALL_COST_PATCH } from "./call-cost-patch";

export interface HttpActivities {
  httpRequest(request: HttpRequest): Promise<HttpResponse>;
}

/** Local: a DTMF-to-prompt path must not wait for a round trip through the Temporal server. */
export const ari = proxyLocalActivities<AriActivities>({
  startToCloseTimeout: "5s",
  retry: { initialInterval: "100ms", backoffCoefficient: 2, maximumInterval: "1s", maximumAttempts: 4 },
});

export const tts = proxyLocalActivities<TtsActivities>({
  startToCloseTimeout: "30s",
  retry: { initialInterval: "200ms", maximumAttempts: 3 },
});

/** TTS lookup + play in one: the first prompt synthesizes, so it gets the TTS timeout. */
export const prompts = proxyLocalActivities<PromptActivities>({
  startToCloseTimeout: "30s",
  retry: { initialInterval: "100ms", backoffCoefficient: 2, maximumInterval: "1s", maximumAttempts: 4 },
});

const persistenceOptions = {
  startToCloseTimeout: "15s",
  retry: { initialInterval: "200ms", backoffCoefficient: 2, maximumInterval: "5s", maximumAttempts: 30 },
};
const localDb = proxyLocalActivities<PersistenceActivities>(persistenceOptions);
const remoteDb = proxyActivities<PersistenceActivities>(persistenceOptions);

/**
 * Calls started from this version write to the database with local activities: as regular
 * activities each trace flush cost a workflow task, three history events and server round trips
 * (README "Benchmarks"). A local activity retrying past a minute backs off on workflow timers, so
 * a database outage is still retried for minutes. Calls started before keep regular activities.
 */
const dbOf = () => (patched(CALL_COST_PATCH) ? localDb : remoteDb);

export const db: PersistenceActivities = {
  beginExecution: (input) => dbOf().beginExecution(input),
  appendSteps: (executionId, steps) => dbOf().appendSteps(executionId, steps),
  finishExecution: (input) => dbOf().finishExecution(input),
  saveRecording: (input) => dbOf().saveRecording(input),
  loadCallPlans: (source, pinned) => dbOf().loadCallPlans(source, pinned),
};

/** An HTTP request is never retried by Temporal: it may not be idempotent, and the node has an error port. */
export function httpActivities(timeoutMs: number): HttpActivities {
  return proxyActivities<HttpActivities>({
    startToCloseTimeout: timeoutMs + 5_000,
    retry: { maximumAttempts: 1 },
  });
}
