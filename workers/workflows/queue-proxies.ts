import { proxyActivities, proxyLocalActivities } from "@temporalio/workflow";
import type { QueueMediaActivities } from "../activities/queue-media-activities";
import type { QueueCallActivities } from "../queues/queue-call-activities";

/** The matcher's activities: regular ones, retried on another worker when this one dies. */
export const queues = proxyActivities<QueueCallActivities>({
  startToCloseTimeout: "10s",
  retry: { initialInterval: "200ms", backoffCoefficient: 2, maximumInterval: "2s", maximumAttempts: 20 },
});

/** The queue's media (holding bridges, announcements): local, as every ARI command of a call. */
export const media = proxyLocalActivities<QueueMediaActivities>({
  startToCloseTimeout: "30s",
  retry: { initialInterval: "100ms", backoffCoefficient: 2, maximumInterval: "1s", maximumAttempts: 4 },
});
