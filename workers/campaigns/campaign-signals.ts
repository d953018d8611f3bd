import { defineSignal } from "@temporalio/workflow";
import type { AttemptFinished } from "./campaign-types";

/** Signals of a campaign's dialer workflow: from the web app (pause, resume, stop) and from its attempts. */
export const pauseCampaignSignal = defineSignal("pauseCampaign");
export const resumeCampaignSignal = defineSignal("resumeCampaign");
export const stopCampaignSignal = defineSignal("stopCampaign");
export const attemptFinishedSignal = defineSignal<[AttemptFinished]>("attemptFinished");
