import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import type { AgentStateName } from "@/workers/queues/match/match-model";
import { dialStringOf } from "./manage-agents";
import { setOwnAgentState } from "./own-agent-state";
import { notYourCall } from "./queue-errors";
import type { AgentActionInput, WrapUpInput } from "./queue-inputs";
import { sendAgentAction, type AgentActionDeps } from "./send-agent-action";

export interface AgentDeskCall {
  id: string;
  status: "waiting" | "offered" | "connected" | "ended" | "abandoned";
  queue: { name: string; displayNameZh: string; displayNameEn: string } | null;
  callerNumber: string | null;
  dialedNumber: string | null;
  /** A queued callback: the number the customer is called back at (the caller's channel is gone). */
  callbackNumber: string | null;
  /** Epoch ms. */
  arrivedAt: number;
  offeredAt: number | null;
  connectedAt: number | null;
  endedAt: number | null;
  /** What the IVR collected, as text. */
  variables: Record<string, string>;
  disposition: string | null;
  wrapUpNote: string | null;
}

/** What the agent page shows: the agent's state and the call offered, connected or being wrapped up. */
export interface AgentDesk {
  state: AgentStateName;
  reasonId: string | null;
  since: number;
  wrapUpUntil: number | null;
  dialString: string;
  call: AgentDeskCall | null;
}

const variablesSchema = z.record(z.string(), z.unknown()).catch({});
const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
const time = (d: Date | null) => (d === null ? null : d.getTime());
const notAnAgent = () => new AppError(403, "not_an_agent", "Only agents with a profile have an agent state.");

/** The agent's latest call (the state log names it): the current one, or the one they last ended. */
async function lastCallId(db: PrismaClient, agentId: string): Promise<string | null> {
  const change = await db.agentStateChange.findFirst({ where: { agentId, callId: { not: null } }, orderBy: { id: "desc" }, select: { callId: true } });
  return change?.callId ?? null;
}

async function readCall(db: PrismaClient, callId: string): Promise<AgentDeskCall | null> {
  const call = await db.queuedCall.findUnique({ where: { id: callId } });
  if (!call) return null;
  const queue = await db.queue.findUnique({ where: { id: call.queueId }, select: { name: true, displayNameZh: true, displayNameEn: true } });
  return {
    id: call.id,
    status: call.status,
    queue,
    callerNumber: call.callerNumber,
    dialedNumber: call.dialedNumber,
    callbackNumber: call.callbackNumber,
    arrivedAt: call.arrivedAt.getTime(),
    offeredAt: time(call.offeredAt),
    connectedAt: time(call.connectedAt),
    endedAt: time(call.endedAt),
    variables: Object.fromEntries(Object.entries(variablesSchema.parse(call.variables)).map(([key, value]) => [key, asText(value)])),
    disposition: call.disposition,
    wrapUpNote: call.wrapUpNote,
  };
}

export async function readAgentDesk(agentId: string, db: PrismaClient = prisma()): Promise<AgentDesk | null> {
  const profile = await db.agentProfile.findUnique({ where: { userId: agentId } });
  if (!profile) return null;
  const callId = profile.currentCallId ?? (profile.state === "wrap_up" ? await lastCallId(db, agentId) : null);
  return {
    state: profile.state,
    reasonId: profile.stateReasonId,
    since: profile.stateSince.getTime(),
    wrapUpUntil: time(profile.wrapUpUntil),
    dialString: dialStringOf(profile),
    call: callId === null ? null : await readCall(db, callId),
  };
}

export async function getAgentDesk(session: Session, db: PrismaClient = prisma()): Promise<AgentDesk> {
  const desk = session.role === "agent" ? await readAgentDesk(session.userId, db) : null;
  if (!desk) throw notAnAgent();
  return desk;
}

/**
 * Saves the disposition and note of the agent's last call (it must have been answered and have
 * ended), then ends their wrap-up: available, or not ready with a reason if they chose that.
 */
export async function saveWrapUp(session: Session, input: WrapUpInput, db: PrismaClient = prisma()): Promise<AgentDesk> {
  const before = await getAgentDesk(session, db);
  if ((await lastCallId(db, session.userId)) !== input.callId) throw notYourCall(input.callId);
  await db.$transaction(async (tx) => {
    const call = await tx.queuedCall.findUnique({ where: { id: input.callId } });
    if (!call) throw notYourCall(input.callId);
    if (call.connectedAt === null) throw new AppError(409, "call_not_answered", "This call was never answered: it has no disposition.", { value: call.id });
    if (call.status !== "ended") throw new AppError(409, "call_not_ended", "Hang up first: the disposition is saved at wrap-up.", { value: call.id });
    const code = await tx.dispositionCode.findUnique({ where: { id: input.dispositionId } });
    if (!code || !code.active) throw new AppError(400, "invalid_input", "Invalid body: dispositionId: must be an active disposition code", { fields: [{ field: "dispositionId", message: "must be an active disposition code" }] });
    await tx.queuedCall.update({ where: { id: call.id }, data: { disposition: code.code, wrapUpNote: input.note === "" ? null : input.note } });
    await writeAudit(tx, session, { action: "queuedCall.wrapUp", targetType: "queuedCall", targetId: call.id, details: { disposition: code.code, note: input.note, before: { disposition: call.disposition, wrapUpNote: call.wrapUpNote } } });
  });
  const endsWrapUp = before.state === "wrap_up" || (input.then === "not_ready" && before.state === "available");
  if (endsWrapUp) await setOwnAgentState(session, { state: input.then, reasonId: input.then === "not_ready" ? input.reasonId : null }, db);
  return getAgentDesk(session, db);
}

/** Decline or hang up the agent's own current call (the id guards against acting on a newer call). */
export async function actOnCall(session: Session, input: AgentActionInput, deps?: AgentActionDeps): Promise<void> {
  const db = deps?.db ?? prisma();
  const profile = session.role === "agent" ? await db.agentProfile.findUnique({ where: { userId: session.userId } }) : null;
  if (!profile) throw notAnAgent();
  if (profile.currentCallId !== input.callId) throw notYourCall(input.callId);
  await sendAgentAction(session, { action: input.action }, deps);
  await db.$transaction((tx) => writeAudit(tx, session, { action: "queuedCall.agentAction", targetType: "queuedCall", targetId: input.callId, details: { action: input.action } }));
}
