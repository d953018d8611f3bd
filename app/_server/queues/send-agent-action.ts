import { WorkflowNotFoundError } from "@temporalio/common";
import { Client, Connection } from "@temporalio/client";
import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { AppError } from "@/app/_server/http/app-error";
import { parseInput } from "@/app/_server/http/parse-input";
import { agentActionSignal, type AgentActionSignal } from "@/workers/workflows/signals";

export const agentActionInputSchema = z.object({
  callId: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  action: z.enum(["decline", "hangup"]),
});
export type AgentActionInput = z.infer<typeof agentActionInputSchema>;

/** Delivers the signal to the call's workflow; false when that workflow is no longer running. */
export type SignalAgentAction = (workflowId: string, signal: AgentActionSignal) => Promise<boolean>;

const notYourCall = (callId: string) => new AppError(409, "not_your_call", `Call ${callId} is not offered to or connected with you.`, { callId });

/**
 * The agent declines the call ringing them, or hangs up the call they talk on, from the agent page:
 * the call's workflow (QueuedCall.workflowId) does the rest (hangs up the agent's leg, tells the
 * matcher). Only the agent the call is offered to or connected with may.
 */
export async function sendAgentAction(session: Session, rawInput: unknown, deps: { db?: PrismaClient; signal?: SignalAgentAction } = {}): Promise<void> {
  const input = parseInput(agentActionInputSchema, rawInput);
  const db = deps.db ?? prisma();
  if (session.role !== "agent") throw new AppError(403, "not_an_agent", "Only agents act on offered calls.");
  const call = await db.queuedCall.findUnique({ where: { id: input.callId } });
  if (!call || call.agentId !== session.userId || (call.status !== "offered" && call.status !== "connected") || call.workflowId === null) throw notYourCall(input.callId);
  if (input.action === "decline" && call.status !== "offered") throw new AppError(409, "call_connected", "The call is connected: hang up instead of declining.", { callId: input.callId });
  const delivered = await (deps.signal ?? temporalSignal)(call.workflowId, { agentId: session.userId, action: input.action });
  if (!delivered) throw notYourCall(input.callId);
}

let client: Promise<Client> | null = null;

/** The web app's Temporal client (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE), connected on first use. */
function temporalClient(): Promise<Client> {
  client ??= Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? "127.0.0.1:7233" }).then(
    (connection) => new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? "default" }),
    (error: unknown) => {
      client = null;
      throw error;
    },
  );
  return client;
}

/** Signals through a Temporal client (the web app's own by default). */
export function temporalAgentActionSignal(connect: () => Promise<Client> = temporalClient): SignalAgentAction {
  return async (workflowId, signal) => {
    try {
      await (await connect()).workflow.getHandle(workflowId).signal(agentActionSignal, signal);
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };
}

const temporalSignal = temporalAgentActionSignal();
