import { planSchema, type Plan } from "@/flows-runtime/plan/schema";
import type { PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { loadFlow } from "@/app/_server/flows/load-flow";
import { testCallNotFound } from "./test-call-errors";

/** The test call's snapshot, after checking it was placed for this flow and the actor may test it. */
export async function loadTestCall(db: PrismaClient, actor: Session, flowId: string, callId: string): Promise<{ id: string; plan: Plan }> {
  await loadFlow(db, actor, flowId, "flow.editDraft", { allowDeleted: true });
  const snapshot = await db.testCallPlan.findUnique({ where: { callId }, select: { id: true, flowId: true, plan: true } });
  if (snapshot === null || snapshot.flowId !== flowId) throw testCallNotFound(callId);
  return { id: snapshot.id, plan: planSchema.parse(snapshot.plan) };
}
