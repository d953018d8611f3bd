import { flowKindSchema } from "@/flows-runtime/graph/schema";
import type { PrismaClient } from "@/prisma/client";
import { can, type FlowAction } from "@/app/_server/auth/permissions";
import type { Session } from "@/app/_server/auth/session";
import { AppError, flowNotFound, forbidden } from "@/app/_server/http/app-error";

export interface LoadFlowOptions {
  /** Restore, view and export work on deleted flows; edits are refused until the flow is restored. */
  allowDeleted?: boolean;
}

/** The flow's id, kind and deletion state, after checking the actor may do `action` on its kind. */
export async function loadFlow(db: PrismaClient, actor: Session, flowId: string, action: FlowAction, options: LoadFlowOptions = {}) {
  const flow = await db.flow.findUnique({ where: { id: flowId }, select: { id: true, kind: true, name: true, deletedAt: true } });
  if (!flow) throw flowNotFound(flowId);
  const kind = flowKindSchema.parse(flow.kind);
  if (!can(actor.role, action, kind)) throw forbidden(`Your role may not do this on ${kind} flows.`);
  if (flow.deletedAt && !options.allowDeleted) {
    throw new AppError(409, "flow_deleted", `Flow "${flow.name}" is deleted: restore it first.`, { flowId });
  }
  return { ...flow, kind };
}
