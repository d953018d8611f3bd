import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { canOnSomeKind } from "@/app/_server/auth/permissions";
import type { Session } from "@/app/_server/auth/session";
import { normalizePhoneNumber } from "@/flows-runtime/nodes/lookup-customer/phone-number";
import { customerNotFound } from "./customer-errors";
import { callerNumbersOf } from "./customer-interactions";

const lookedUpSchema = z.object({ customer: z.object({ id: z.string() }) });

/** The customer of a queued call: the one a lookup node found in the IVR, else the owner of the caller's number. */
export async function customerIdOfCall(call: { variables: unknown; callerNumber: string | null }, db: PrismaClient = prisma()): Promise<string | null> {
  const lookedUp = lookedUpSchema.safeParse(call.variables);
  if (lookedUp.success) {
    const exists = await db.customer.findUnique({ where: { id: lookedUp.data.customer.id }, select: { id: true } });
    if (exists) return exists.id;
  }
  const phone = call.callerNumber === null ? null : normalizePhoneNumber(call.callerNumber);
  if (phone === null || !phone.ok) return null;
  const owner = await db.customerPhone.findUnique({ where: { number: phone.number }, select: { customerId: true } });
  return owner?.customerId ?? null;
}

/** Whether the agent was ever offered this call (the state log keeps every offer, also of ended calls). */
export async function wasOfferedTo(agentId: string, callId: string, db: PrismaClient = prisma()): Promise<boolean> {
  return (await db.agentStateChange.findFirst({ where: { callId, agentId, state: { in: ["offered", "on_call"] } }, select: { id: true } })) !== null;
}

/**
 * Supervisors and administrators (customer.view) see every customer; an agent only the customers of
 * calls offered to them. Anyone else, and an agent asking for another customer, gets 404: whether a
 * customer exists is itself not theirs to know.
 */
export async function assertMayViewCustomer(session: Session, customerId: string, db: PrismaClient = prisma()): Promise<void> {
  if (canOnSomeKind(session.role, "customer.view")) return;
  if (session.role !== "agent") throw customerNotFound(customerId);
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: { phones: { select: { number: true } } } });
  if (!customer) throw customerNotFound(customerId);
  const ownCalls = await db.agentStateChange.findMany({ where: { agentId: session.userId, state: { in: ["offered", "on_call"] }, callId: { not: null } }, select: { callId: true }, distinct: ["callId"] });
  const callIds = ownCalls.flatMap((change) => (change.callId === null ? [] : [change.callId]));
  const match = await db.queuedCall.findFirst({
    where: {
      id: { in: callIds },
      OR: [{ callerNumber: { in: callerNumbersOf(customer.phones.map((phone) => phone.number)) } }, { variables: { path: ["customer", "id"], equals: customerId } }],
    },
    select: { id: true },
  });
  if (!match) throw customerNotFound(customerId);
}
