import { createHash } from "node:crypto";
import { canonicalJson } from "@/flows-runtime/compiler/canonical-json";
import type { Plan } from "@/flows-runtime/plan/schema";
import type { Prisma } from "@/prisma/generated/client";
import { AppError, flowNotFound } from "@/app/_server/http/app-error";
import type { EntryPointRef } from "./entry-point-set";
import { toJsonObject } from "./to-json-object";

export function planHashOf(plan: unknown): string {
  return createHash("sha256").update(canonicalJson(plan)).digest("hex");
}

export interface NewVersion {
  flowId: string;
  graph: unknown;
  plan: Plan;
  note?: string;
  userId?: string;
  /** The entry points publishing it gives the flow (candidates from review); omitted: publishing leaves them. */
  entryPoints?: EntryPointRef[];
  /** Set for versions that go live as they are created (developer tools); candidates get it on publish. */
  publishedAt?: Date;
}

/**
 * Stores the flow's next immutable, numbered version. Locks the flow row first, so concurrent
 * versions of one flow take numbers one after the other. Run inside the caller's transaction.
 */
export async function createVersion(tx: Prisma.TransactionClient, input: NewVersion) {
  const locked = await tx.$queryRaw<{ kind: string; deletedAt: Date | null }[]>`
    SELECT "kind", "deletedAt" FROM "Flow" WHERE "id" = ${input.flowId} FOR UPDATE`;
  const flow = locked[0];
  if (!flow || flow.deletedAt !== null) throw flowNotFound(input.flowId);
  if (flow.kind !== input.plan.kind) {
    throw new AppError(422, "kind_mismatch", `A ${input.plan.kind} graph cannot be published to a ${flow.kind} flow.`, { flowId: input.flowId });
  }
  const last = await tx.flowVersion.aggregate({ where: { flowId: input.flowId }, _max: { number: true } });
  return tx.flowVersion.create({
    data: {
      flowId: input.flowId,
      number: (last._max.number ?? 0) + 1,
      graph: toJsonObject(input.graph),
      plan: toJsonObject(input.plan),
      planHash: planHashOf(input.plan),
      note: input.note,
      entryPoints: input.entryPoints,
      createdById: input.userId,
      publishedAt: input.publishedAt,
      publishedById: input.publishedAt ? input.userId : undefined,
    },
    select: { id: true, flowId: true, number: true, planHash: true },
  });
}
