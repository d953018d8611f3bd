import { executeBranch } from "./branch/execute";
import { executeCampaignStart } from "./campaign-start/execute";
import { executeOptOut } from "./opt-out/execute";
import { executeSetOutcome } from "./set-outcome/execute";
import { executeBusinessHours } from "./business-hours/execute";
import { executeCollect } from "./collect/execute";
import { executeHangup } from "./hangup/execute";
import { executeHttpRequest } from "./http-request/execute";
import { executeLanguageSelect } from "./language-select/execute";
import { executeLookupCustomer } from "./lookup-customer/execute";
import { executeMenu } from "./menu/execute";
import type { NodeExecutor } from "./node-definition";
import { executePlay } from "./play/execute";
import { executeQueueNode } from "./queue/execute";
import { executeRecord } from "./record/execute";
import { executeRoutingStart } from "./routing-start/execute";
import { executeSetVariables } from "./set-variables/execute";
import { executeStart } from "./start/execute";
import { executeSubflow } from "./subflow/execute";
import { executeTransfer } from "./transfer/execute";
import { executeVoicemail } from "./voicemail/execute";
import { executeWiden } from "./widen/execute";

/**
 * Executors by node type, for the Temporal workflow bundle: imports no compiler, validator or
 * definition code (keeps the bundle small and free of anything the sandbox does not need).
 */
export const nodeExecutors: Readonly<Record<string, NodeExecutor>> = {
  start: executeStart,
  play: executePlay,
  menu: executeMenu,
  collect: executeCollect,
  branch: executeBranch,
  "set-variables": executeSetVariables,
  "business-hours": executeBusinessHours,
  "http-request": executeHttpRequest,
  "lookup-customer": executeLookupCustomer,
  transfer: executeTransfer,
  record: executeRecord,
  "language-select": executeLanguageSelect,
  subflow: executeSubflow,
  hangup: executeHangup,
  "routing-start": executeRoutingStart,
  queue: executeQueueNode,
  widen: executeWiden,
  voicemail: executeVoicemail,
  "campaign-start": executeCampaignStart,
  "opt-out": executeOptOut,
  "set-outcome": executeSetOutcome,
};
