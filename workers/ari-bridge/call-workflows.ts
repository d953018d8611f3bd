import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from "@temporalio/common";
import type { Client } from "@temporalio/client";
import { DEFAULT_ASTERISK_ID } from "../default-asterisk-id";
import type { IvrCallInput } from "../workflows/call-input";
import { callOfWorkflowId, callWorkflowId } from "../workflows/call-workflow-id";
import type { CallSignal } from "./event-mapping";

/** What the bridge needs from Temporal (a fake in unit tests). */
export interface CallWorkflows {
  /** Idempotent: an already started (or finished) workflow for the call is fine. */
  start(input: IvrCallInput): Promise<"started" | "already-started">;
  /** A workflow that no longer runs is fine ("not-running"): its call is over. */
  signal(callId: string, signal: CallSignal): Promise<"delivered" | "not-running">;
  /** Caller channel ids of the call workflows still running on this bridge's Asterisk (never another's). */
  listRunningCallIds(): Promise<string[]>;
}

const WORKFLOW_TYPE = "ivrCallWorkflow";
/**
 * A workflow task whose worker died is retried on another worker after this long (default 10 s of
 * silence for the caller). Local activities (ARI commands) longer than that are fine: the SDK
 * extends the task before it runs out.
 */
export const CALL_WORKFLOW_TASK_TIMEOUT = "2s";

/** The calls of one Asterisk (`asteriskId`): workflow ids carry it, since channel ids repeat across servers. */
export function createTemporalCallWorkflows(client: Client, taskQueue: string, asteriskId: string = DEFAULT_ASTERISK_ID): CallWorkflows {
  return {
    async start(input) {
      try {
        await client.workflow.start(WORKFLOW_TYPE, {
          taskQueue,
          workflowId: callWorkflowId(input.callId, asteriskId),
          args: [{ ...input, asteriskId }],
          // One workflow per channel, ever: a replayed StasisStart never starts a second one.
          workflowIdReusePolicy: "REJECT_DUPLICATE",
          workflowTaskTimeout: CALL_WORKFLOW_TASK_TIMEOUT,
        });
        return "started";
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return "already-started";
        throw err;
      }
    },

    async signal(callId, signal) {
      try {
        await client.workflow.getHandle(callWorkflowId(callId, asteriskId)).signal(signal.name, signal.payload);
        return "delivered";
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return "not-running";
        throw err;
      }
    },

    async listRunningCallIds() {
      const ids: string[] = [];
      const query = `WorkflowType = '${WORKFLOW_TYPE}' AND ExecutionStatus = 'Running' AND TaskQueue = '${taskQueue}'`;
      for await (const execution of client.workflow.list({ query })) {
        const call = callOfWorkflowId(execution.workflowId);
        if (call?.asteriskId === asteriskId) ids.push(call.channelId);
      }
      return ids;
    },
  };
}
