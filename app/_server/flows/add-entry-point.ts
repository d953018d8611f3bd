import { prisma, type PrismaClient } from "@/prisma/client";
import { Prisma } from "@/prisma/generated/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import type { EntryPointInput } from "./entry-point-input";
import type { EntryPointView } from "./list-entry-points";
import { loadFlow } from "./load-flow";

async function takenError(db: PrismaClient, input: EntryPointInput, flowId: string): Promise<AppError> {
  const holder = await db.entryPoint.findUnique({
    where: { kind_value: { kind: input.kind, value: input.value } },
    select: { flow: { select: { id: true, name: true, deletedAt: true } } },
  });
  const owner = holder?.flow;
  if (owner?.id === flowId) {
    return new AppError(409, "entry_point_exists", `${input.value} is already an entry point of this flow.`, { kind: input.kind, value: input.value });
  }
  return new AppError(409, "entry_point_taken", `${input.value} already leads to flow "${owner?.name ?? "?"}".`, {
    kind: input.kind,
    value: input.value,
    takenBy: owner ? { flowId: owner.id, flowName: owner.name, deleted: owner.deletedAt !== null } : null,
  });
}

/** Points a DID or Stasis argument at this flow (audited: it decides which flow answers callers); each one leads to exactly one flow. */
export async function addEntryPoint(actor: Session, flowId: string, input: EntryPointInput, db: PrismaClient = prisma()): Promise<EntryPointView> {
  await loadFlow(db, actor, flowId, "entryPoint.edit");
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.entryPoint.create({ data: { flowId, kind: input.kind, value: input.value } });
      await writeAudit(tx, actor, { action: "entryPoint.add", targetType: "entryPoint", targetId: created.id, flowId, details: { kind: created.kind, value: created.value } });
      return created;
    });
    return { id: row.id, kind: row.kind, value: row.value, createdAt: row.createdAt.toISOString() };
  } catch (error) {
    // The unique index decides (two admins adding the same DID at once); the lookup only explains.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw await takenError(db, input, flowId);
    throw error;
  }
}
