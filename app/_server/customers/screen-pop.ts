import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { AppError } from "@/app/_server/http/app-error";
import { requiredSkillsSchema } from "@/workers/queues/load-match-state";
import { customerIdOfCall, wasOfferedTo } from "./customer-access";
import { readInteractions, type Interaction } from "./customer-interactions";
import { readCustomer } from "./manage-customers";
import type { CustomerView } from "./customer-view";

/** What the agent sees when a call is offered, before answering. */
export interface ScreenPop {
  callId: string;
  callerNumber: string | null;
  customer: CustomerView | null;
  /** The customer's last calls with an agent, this one left out. */
  lastInteractions: Interaction[];
  /** Why the call came to this agent. */
  reason: { queue: { name: string; displayNameZh: string; displayNameEn: string } | null; priority: number; skills: { name: string; displayNameZh: string; displayNameEn: string; minProficiency: number }[]; language: string | null };
  /** The IVR steps the caller went through (labels), in order. */
  ivrPath: string[];
}

const LAST_INTERACTIONS = 5;
const notYourCall = (callId: string) => new AppError(404, "call_not_found", `Call ${callId} was not offered to you.`, { value: callId });
const skillListSchema = requiredSkillsSchema.catch([]);

/** The pop for one of the agent's own calls (offered, talking or ended); another agent's call is 404. */
export async function readScreenPop(session: Session, callId: string, db: PrismaClient = prisma()): Promise<ScreenPop> {
  if (session.role !== "agent" || !(await wasOfferedTo(session.userId, callId, db))) throw notYourCall(callId);
  const call = await db.queuedCall.findUnique({ where: { id: callId } });
  if (!call) throw notYourCall(callId);
  const customerId = await customerIdOfCall(call, db);
  const customer = customerId === null ? null : await readCustomer(customerId, db);
  const required = skillListSchema.parse(call.requiredSkills);
  const [queue, skills, execution] = await Promise.all([
    db.queue.findUnique({ where: { id: call.queueId }, select: { name: true, displayNameZh: true, displayNameEn: true } }),
    db.skill.findMany({ where: { id: { in: required.map((skill) => skill.skillId) } }, select: { id: true, name: true, displayNameZh: true, displayNameEn: true } }),
    call.workflowId === null ? null : db.callExecution.findUnique({ where: { workflowId: call.workflowId }, select: { steps: { select: { label: true, nodeType: true }, orderBy: { seq: "asc" } } } }),
  ]);
  const interactions = customer === null ? [] : await readInteractions(customer.id, customer.phones, LAST_INTERACTIONS + 1, db);
  return {
    callId,
    callerNumber: call.callerNumber,
    customer,
    lastInteractions: interactions.filter((interaction) => interaction.callId !== callId).slice(0, LAST_INTERACTIONS),
    reason: {
      queue,
      priority: call.priority,
      language: call.language,
      skills: required.flatMap((need) => {
        const skill = skills.find((candidate) => candidate.id === need.skillId);
        return skill === undefined ? [] : [{ name: skill.name, displayNameZh: skill.displayNameZh, displayNameEn: skill.displayNameEn, minProficiency: need.minProficiency }];
      }),
    },
    ivrPath: (execution?.steps ?? []).filter((step) => step.nodeType !== "start").map((step) => step.label ?? step.nodeType),
  };
}

