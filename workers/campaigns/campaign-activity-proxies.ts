import { proxyActivities } from "@temporalio/workflow";
import type { CampaignActivities } from "./campaign-activities";

/** Every write is idempotent: retried until the database answers, within a day. */
export const campaignDb = proxyActivities<CampaignActivities>({
  startToCloseTimeout: "30s",
  scheduleToCloseTimeout: "1 day",
  retry: { initialInterval: "200ms", backoffCoefficient: 2, maximumInterval: "5s" },
});
