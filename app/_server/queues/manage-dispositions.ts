import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { dispositionCodeTaken, dispositionNotFound } from "./queue-errors";
import type { DispositionCodeInput } from "./queue-inputs";

export interface DispositionView {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

const view = (r: DispositionView): DispositionView => ({ id: r.id, code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, active: r.active });

export async function listDispositions(db: PrismaClient = prisma()): Promise<DispositionView[]> {
  return (await db.dispositionCode.findMany({ orderBy: { createdAt: "asc" } })).map(view);
}

/** Creates (id null) or changes a code; deactivated, never deleted (calls name them). Audited. */
export async function saveDisposition(actor: Session, id: string | null, input: DispositionCodeInput, db: PrismaClient = prisma()): Promise<DispositionView> {
  return db.$transaction(async (tx) => {
    const taken = await tx.dispositionCode.findUnique({ where: { code: input.code } });
    if (taken && taken.id !== id) throw dispositionCodeTaken(input.code);
    const before = id === null ? null : await tx.dispositionCode.findUnique({ where: { id }, omit: { createdAt: true } });
    if (id !== null && !before) throw dispositionNotFound(id);
    const row = id === null ? await tx.dispositionCode.create({ data: input }) : await tx.dispositionCode.update({ where: { id }, data: input });
    await writeAudit(tx, actor, { action: id === null ? "dispositionCode.create" : "dispositionCode.update", targetType: "dispositionCode", targetId: row.id, details: { code: row.code, before, after: input } });
    return view(row);
  });
}
