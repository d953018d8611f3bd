import { Prisma } from "@/prisma/generated/client";
import { AppError } from "@/app/_server/http/app-error";
import { flowKindSchema } from "@/flows-runtime/graph/schema";
import { requireIvrFor } from "@/app/_server/flows/callable-kind";
import { liveEntryPoints } from "@/app/_server/flows/change-entry-point-draft";
import { entryPointChanges, parseEntryPointSet, sameEntryPoints, type EntryPointChanges } from "@/app/_server/flows/entry-point-set";

async function takenError(tx: Prisma.TransactionClient, kind: string, value: string): Promise<AppError> {
  const holder = await tx.entryPoint.findUnique({ where: { kind_value: { kind, value } }, select: { flow: { select: { id: true, name: true } } } });
  return new AppError(409, "entry_point_taken", `${value} already leads to flow "${holder?.flow.name ?? "?"}": free it there first.`, {
    kind,
    value,
    takenBy: holder ? { flowId: holder.flow.id, flowName: holder.flow.name } : null,
  });
}

/**
 * Gives the flow the entry points a version was submitted with, in the publish's transaction (all
 * or nothing). A version without a set (developer tools, older versions) leaves them as they are. A
 * number another flow took meanwhile refuses the whole publish (the unique index decides).
 */
export async function applyEntryPoints(tx: Prisma.TransactionClient, flowId: string, versionEntryPoints: unknown): Promise<EntryPointChanges> {
  const wanted = parseEntryPointSet(versionEntryPoints);
  const live = await liveEntryPoints(tx, flowId);
  if (wanted === null) return { added: [], removed: [] };
  const changes = entryPointChanges(live, wanted);
  if (changes.added.length > 0) {
    // Proposed before this was refused at proposal time, or by a tool: still not an IVR's number.
    const { kind } = await tx.flow.findUniqueOrThrow({ where: { id: flowId }, select: { kind: true } });
    requireIvrFor("entry-point", flowKindSchema.parse(kind));
  }
  for (const ref of changes.removed) await tx.entryPoint.deleteMany({ where: { flowId, kind: ref.kind, value: ref.value } });
  for (const ref of changes.added) {
    const holder = await tx.entryPoint.findUnique({ where: { kind_value: { kind: ref.kind, value: ref.value } }, select: { flowId: true } });
    if (holder !== null) throw await takenError(tx, ref.kind, ref.value);
    await tx.entryPoint.create({ data: { flowId, kind: ref.kind, value: ref.value } });
  }
  const { entryPointDraft } = await tx.flow.findUniqueOrThrow({ where: { id: flowId }, select: { entryPointDraft: true } });
  const proposed = parseEntryPointSet(entryPointDraft);
  // The proposal is live now; a newer one (made after this version was submitted) stays proposed.
  if (proposed !== null && sameEntryPoints(proposed, wanted)) await tx.flow.update({ where: { id: flowId }, data: { entryPointDraft: Prisma.DbNull } });
  return changes;
}
