import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { AppError } from "@/app/_server/http/app-error";
import { requireIvrFor } from "./callable-kind";
import { changeEntryPointDraft } from "./change-entry-point-draft";
import { entryPointRefId } from "./entry-point-set";
import type { EntryPointInput } from "./entry-point-input";
import { entryPointsView, type EntryPointsView } from "./list-entry-points";
import { loadFlow } from "./load-flow";

async function takenBy(db: PrismaClient, input: EntryPointInput, flowId: string): Promise<AppError | null> {
  const holder = await db.entryPoint.findUnique({
    where: { kind_value: { kind: input.kind, value: input.value } },
    select: { flow: { select: { id: true, name: true, deletedAt: true } } },
  });
  const owner = holder?.flow;
  if (owner === undefined || owner.id === flowId) return null;
  return new AppError(409, "entry_point_taken", `${input.value} already leads to flow "${owner.name}".`, {
    kind: input.kind,
    value: input.value,
    takenBy: { flowId: owner.id, flowName: owner.name, deleted: owner.deletedAt !== null },
  });
}

/**
 * Proposes that a phone number (DID) or Stasis argument lead to this flow (audited). Callers reach
 * the flow on it once a version submitted with it is approved by someone else and published; a
 * number another flow answers is refused now (and again at publish, where the unique index decides),
 * and so is any number for a flow that is not an IVR.
 */
export async function addEntryPoint(actor: Session, flowId: string, input: EntryPointInput, db: PrismaClient = prisma()): Promise<{ entryPoint: { id: string; kind: string; value: string }; view: EntryPointsView }> {
  const flow = await loadFlow(db, actor, flowId, "entryPoint.edit");
  requireIvrFor("entry-point", flow.kind);
  const taken = await takenBy(db, input, flowId);
  if (taken !== null) throw taken;
  await db.$transaction((tx) => changeEntryPointDraft(tx, actor, flowId, { op: "add", ref: input }));
  return { entryPoint: { id: entryPointRefId(input), kind: input.kind, value: input.value }, view: await entryPointsView(db, flowId) };
}
