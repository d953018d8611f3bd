import { proxyActivities, proxyLocalActivities } from "@temporalio/workflow";
import type { HttpRequest, HttpResponse } from "../../flows-runtime/interpreter/effects";
import type { AriActivities } from "../activities/ari-activities";
import type { PersistenceActivities } from "../activities/persistence-activities";
import type { TtsActivities } from "../activities/tts-activities";

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

export const db = proxyActivities<PersistenceActivities>({
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
