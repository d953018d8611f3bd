import type { Client } from "@temporalio/client";
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from "@temporalio/common";
import { loadConfig } from "@/workers/config";
import { webAppClient } from "@/app/_server/temporal/web-app-client";
import { campaignWorkflowId } from "@/workers/campaigns/campaign-ids";
import type { CampaignClock } from "@/workers/campaigns/campaign-types";

/** What the web app asks of a campaign's dialer workflow (a fake in unit tests). */
export interface CampaignRuntime {
  start(campaignId: string, clock?: CampaignClock): Promise<void>;
  signal(campaignId: string, name: "pauseCampaign" | "resumeCampaign" | "stopCampaign"): Promise<"delivered" | "not-running">;
}

/** The dialer workflows on Temporal (the web app's client and task queue by default). */
export function temporalCampaignRuntime(connect: () => Promise<Client> = webAppClient, taskQueue: string = loadConfig().temporal.taskQueue): CampaignRuntime {
  return {
    async start(campaignId, clock) {
      try {
        await (await connect()).workflow.start("campaignWorkflow", {
          taskQueue,
          workflowId: campaignWorkflowId(campaignId),
          args: [{ campaignId, ...(clock ? { clock } : {}) }],
          workflowIdReusePolicy: "REJECT_DUPLICATE",
        });
      } catch (error) {
        // Started by an earlier request whose answer was lost: the campaign runs once.
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      }
    },
    async signal(campaignId, name) {
      try {
        await (await connect()).workflow.getHandle(campaignWorkflowId(campaignId)).signal(name);
        return "delivered";
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return "not-running";
        throw error;
      }
    },
  };
}
