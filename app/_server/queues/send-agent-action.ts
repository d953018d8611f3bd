import type { Client } from "@temporalio/client";
import { WorkflowNotFoundError } from "@temporalio/common";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { AppError } from "@/app/_server/http/app-error";
import { webAppClient } from "@/app/_server/temporal/web-app-client";
import type { AgentActionSignal } from "@/workers/workflows/signals";
import { notYourCall } from "./queue-errors";

// The signal's name as workers/workflows/signals.ts defines it (importing that module would pull the
// workflow runtime into the web app).
const AGENT_ACTION_SIGNAL = "agentAction";

export interface AgentActionDeps {
  db: PrismaClient;
  /** Delivers the signal to the call's workflow. */
  signal(workflowId: string, payload: AgentActionSignal): Promise<void>;
}

/** Signals through a Temporal client (the web app's own by default); a call whose workflow has ended is refused. */
export function temporalAgentActionSignal(connect: () => Promise<Client> = webAppClient): AgentActionDeps["signal"] {
  return async (workflowId, payload) => {
    try {
      await (await connect()).workflow.getHandle(workflowId).signal(AGENT_ACTION_SIGNAL, payload);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new AppError(409, "call_ended", "The call has already ended.", { value: workflowId });
      throw error;
    }
  };
}

const defaultDeps = (): AgentActionDeps => ({ db: prisma(), signal: temporalAgentActionSignal() });

/**
 * Tells the call's workflow what the agent did: decline the offer ringing on their phone, or hang up
 * the connected call. The workflow does the rest (the matcher's offer result, hanging up the legs).
 */
export async function sendAgentAction(session: Session, { action }: { action: AgentActionSignal["action"] }, deps: AgentActionDeps = defaultDeps()): Promise<void> {
  const profile = session.role === "agent" ? await deps.db.agentProfile.findUnique({ where: { userId: session.userId } }) : null;
  if (!profile) throw new AppError(403, "not_an_agent", "Only agents with a profile have an agent state.");
  const call = profile.currentCallId === null ? null : await deps.db.queuedCall.findUnique({ where: { id: profile.currentCallId } });
  if (!call) throw new AppError(409, "no_current_call", "No call is ringing or connected for you.");
  if (call.agentId !== session.userId) throw notYourCall(call.id);
  if (action === "decline" && call.status !== "offered") throw new AppError(409, "call_not_ringing", "Only a ringing call can be declined.", { value: call.id });
  if (action === "hangup" && call.status !== "connected") throw new AppError(409, "call_not_connected", "Only a connected call can be hung up.", { value: call.id });
  if (call.workflowId === null) throw new AppError(409, "call_without_workflow", `Call ${call.id} has no call workflow to tell.`, { value: call.id });
  await deps.signal(call.workflowId, { agentId: session.userId, action });
}
