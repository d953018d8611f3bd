import { patched, proxyActivities, proxyLocalActivities, type ActivityOptions } from "@temporalio/workflow";
import type { HttpRequest, HttpResponse } from "../../flows-runtime/interpreter/effects";
import type { AriActivities } from "../activities/ari-activities";
import type { CustomerActivities } from "../customers/customer-activities";
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

/**
 * Calls started from this version write to the database with local activities: as regular
 * activities each trace flush cost a workflow task, three history events and server round trips
 * (README "Benchmarks"). A local activity retrying past a minute backs off on workflow timers, so
 * a database outage is still retried as long as the options say. Calls started before keep
 * regular activities.
 */
function persistence(options: ActivityOptions): PersistenceActivities {
  const local = proxyLocalActivities<PersistenceActivities>(options);
  const remote = proxyActivities<PersistenceActivities>(options);
  const of = () => (patched(CALL_COST_PATCH) ? local : remote);
  return {
    beginExecution: (input) => of().beginExecution(input),
    appendSteps: (executionId, steps) => of().appendSteps(executionId, steps),
    finishExecution: (input) => of().finishExecution(input),
    saveRecording: (input) => of().saveRecording(input),
    writeTrace: (batch) => of().writeTrace(batch),
    loadCallPlans: (source, pinned) => of().loadCallPlans(source, pinned),
  };
}

export const db = persistence({
  startToCloseTimeout: "15s",
  retry: { initialInterval: "200ms", backoffCoefficient: 2, maximumInterval: "5s", maximumAttempts: 30 },
});

/**
 * The call's trace (CallExecution, steps, recordings): retried until the database is back, however
 * long an outage lasts within a day, so nothing about a call is lost. Every write is idempotent.
 */
export const dbWrites = proxyActivities<PersistenceActivities>({
  startToCloseTimeout: "15s",
  scheduleToCloseTimeout: "1 day",
  retry: { initialInterval: "200ms", backoffCoefficient: 2, maximumInterval: "2s" },
});

/** An HTTP request is never retried by Temporal: it may not be idempotent, and the node has an error port. */
export function httpActivities(timeoutMs: number): HttpActivities {
  return proxyActivities<HttpActivities>({
    startToCloseTimeout: timeoutMs + 5_000,
    retry: { maximumAttempts: 1 },
  });
}

/** One indexed read; local like the trace writes. After the retries the node goes on as "not found" with the reason. */
export const customers = proxyLocalActivities<CustomerActivities>({
  startToCloseTimeout: "3s",
  retry: { initialInterval: "200ms", backoffCoefficient: 2, maximumInterval: "1s", maximumAttempts: 3 },
});
