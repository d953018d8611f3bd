import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import { reasonCodeTaken, reasonNotFound } from "./queue-errors";
import type { ReasonInput } from "./queue-inputs";

export interface ReasonView {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  system: boolean;
  active: boolean;
}

const view = (r: ReasonView): ReasonView => ({ id: r.id, code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, system: r.system, active: r.active });

export async function listReasons(db: PrismaClient = prisma()): Promise<ReasonView[]> {
  return (await db.notReadyReason.findMany({ orderBy: [{ system: "desc" }, { createdAt: "asc" }] })).map(view);
}

/** Creates (id null) or changes a reason. The matcher's own (未接听) cannot be changed; reasons are deactivated, never deleted (the state log names them). */
export async function saveReason(actor: Session, id: string | null, input: ReasonInput, db: PrismaClient = prisma()): Promise<ReasonView> {
  return db.$transaction(async (tx) => {
    const taken = await tx.notReadyReason.findUnique({ where: { code: input.code } });
    if (taken && taken.id !== id) throw reasonCodeTaken(input.code);
    const before = id === null ? null : await tx.notReadyReason.findUnique({ where: { id }, omit: { createdAt: true } });
    if (id !== null && !before) throw reasonNotFound(id);
    if (before?.system) throw new AppError(409, "system_reason", `${before.code} is the matcher's own reason and cannot be changed.`, { value: before.nameZh });
    const row = id === null ? await tx.notReadyReason.create({ data: input }) : await tx.notReadyReason.update({ where: { id }, data: input });
    await writeAudit(tx, actor, { action: id === null ? "notReadyReason.create" : "notReadyReason.update", targetType: "notReadyReason", targetId: row.id, details: { code: row.code, before, after: input } });
    return view(row);
  });
}
