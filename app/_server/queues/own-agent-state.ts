import type { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { AppError } from "@/app/_server/http/app-error";
import { runQueueEvent } from "@/workers/queues/run-queue-event";
import { dialStringOf } from "./manage-agents";
import type { ownAgentStateInputSchema } from "./queue-inputs";

export interface OwnAgentState {
  state: string;
  reasonId: string | null;
  since: string;
  dialString: string;
  /** The call offered to or connected with the agent. */
  callId: string | null;
}

const notAnAgent = () => new AppError(403, "not_an_agent", "Only agents with a profile have an agent state.");

export async function getOwnAgentState(session: Session, db: PrismaClient = prisma()): Promise<OwnAgentState> {
  const profile = session.role === "agent" ? await db.agentProfile.findUnique({ where: { userId: session.userId } }) : null;
  if (!profile) throw notAnAgent();
  return { state: profile.state, reasonId: profile.stateReasonId, since: profile.stateSince.toISOString(), dialString: dialStringOf(profile), callId: profile.currentCallId };
}

/** The agent signs in (available or not ready), takes a break with a reason, or signs out; refused while a call rings or talks. */
export async function setOwnAgentState(session: Session, input: z.infer<typeof ownAgentStateInputSchema>, db: PrismaClient = prisma()): Promise<OwnAgentState> {
  if (session.role !== "agent") throw notAnAgent();
  if (input.reasonId !== null && input.state === "not_ready") {
    const reason = await db.notReadyReason.findUnique({ where: { id: input.reasonId } });
    if (!reason || !reason.active || reason.system) {
      throw new AppError(400, "invalid_input", "Invalid body: reasonId: must be an active not-ready reason", { fields: [{ field: "reasonId", message: "must be an active not-ready reason" }] });
    }
  }
  const applied = await runQueueEvent(db, { type: "agentState", agentId: session.userId, state: input.state, reasonId: input.reasonId });
  if (applied.refused === "unknown-agent") throw notAnAgent();
  if (applied.refused === "agent-busy") throw new AppError(409, "agent_busy", "A call is ringing or connected: finish it first.");
  return getOwnAgentState(session, db);
}
