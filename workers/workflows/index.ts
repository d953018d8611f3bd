/** Entry of the workflow bundle (Worker workflowsPath): every workflow type the worker runs. */
export { ivrCallWorkflow } from "./ivr-call";
export { campaignWorkflow } from "../campaigns/campaign-workflow";
export { campaignCallWorkflow } from "../campaigns/campaign-call-workflow";
