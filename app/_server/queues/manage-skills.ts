import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import { skillNameTaken, skillNotFound } from "./queue-errors";
import type { SkillInput } from "./queue-inputs";

export interface SkillView {
  id: string;
  name: string;
  displayNameZh: string;
  displayNameEn: string;
  agents: number;
}

export async function listSkills(db: PrismaClient = prisma()): Promise<SkillView[]> {
  const rows = await db.skill.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { agents: true } } } });
  return rows.map((r) => ({ id: r.id, name: r.name, displayNameZh: r.displayNameZh, displayNameEn: r.displayNameEn, agents: r._count.agents }));
}

/** Creates (id null) or changes a skill; audited with before and after. */
export async function saveSkill(actor: Session, id: string | null, input: SkillInput, db: PrismaClient = prisma()): Promise<SkillView> {
  return db.$transaction(async (tx) => {
    const taken = await tx.skill.findUnique({ where: { name: input.name } });
    if (taken && taken.id !== id) throw skillNameTaken(input.name);
    const before = id === null ? null : await tx.skill.findUnique({ where: { id }, omit: { createdAt: true } });
    if (id !== null && !before) throw skillNotFound(id);
    const row = id === null ? await tx.skill.create({ data: input }) : await tx.skill.update({ where: { id }, data: input });
    await writeAudit(tx, actor, { action: id === null ? "skill.create" : "skill.update", targetType: "skill", targetId: row.id, details: { name: row.name, before, after: input } });
    return { id: row.id, name: row.name, displayNameZh: row.displayNameZh, displayNameEn: row.displayNameEn, agents: await tx.agentSkill.count({ where: { skillId: row.id } }) };
  });
}

/** Removes a skill from every agent too; queues that require it are refused (409 skill_in_use). */
export async function deleteSkill(actor: Session, id: string, db: PrismaClient = prisma()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.skill.findUnique({ where: { id } });
    if (!row) throw skillNotFound(id);
    const queues = await tx.queue.findMany({ select: { name: true, requiredSkills: true } });
    const users = queues.filter((q) => JSON.stringify(q.requiredSkills).includes(`"${id}"`)).map((q) => q.name);
    if (users.length > 0) throw new AppError(409, "skill_in_use", `Queues ${users.join(", ")} require skill ${row.name}.`, { value: users.join(", ") });
    await tx.skill.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "skill.delete", targetType: "skill", targetId: id, details: { name: row.name } });
    return { id };
  });
}
