/** Entry of the workflow bundle (Worker workflowsPath): every workflow type the worker runs. */
export { ivrCallWorkflow } from "./ivr-call";
