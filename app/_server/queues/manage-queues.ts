import { Prisma } from "@/prisma/generated/client";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import { requiredSkillsSchema } from "@/workers/queues/load-match-state";
import { recordingModeSchema } from "@/workers/queues/callback-settings";
import { queueActionSchema, queueHoursSchema } from "@/workers/queues/queue-settings";
import { queueNameTaken, queueNotFound } from "./queue-errors";
import type { QueueInput } from "./queue-inputs";

export type QueueView = QueueInput & { id: string; waiting: number };

export async function listQueues(db: PrismaClient = prisma()): Promise<QueueView[]> {
  const [rows, waiting] = await Promise.all([
    db.queue.findMany({ orderBy: { name: "asc" } }),
    db.queuedCall.groupBy({ by: ["queueId"], where: { status: { in: ["waiting", "offered"] } }, _count: { _all: true } }),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    displayNameZh: r.displayNameZh,
    displayNameEn: r.displayNameEn,
    requiredSkills: requiredSkillsSchema.parse(r.requiredSkills),
    hours: r.hours === null ? null : queueHoursSchema.parse(r.hours),
    serviceLevelPercent: r.serviceLevelPercent,
    serviceLevelSeconds: r.serviceLevelSeconds,
    maxWaiting: r.maxWaiting,
    maxWaitSeconds: r.maxWaitSeconds,
    offerTimeoutSeconds: r.offerTimeoutSeconds,
    whenFull: queueActionSchema.parse(r.whenFull),
    whenClosed: queueActionSchema.parse(r.whenClosed),
    routingFlowId: r.routingFlowId,
    callbackEnabled: r.callbackEnabled,
    callbackAfterSeconds: r.callbackAfterSeconds,
    callbackKey: r.callbackKey,
    callbackRetries: r.callbackRetries,
    callbackRetrySeconds: r.callbackRetrySeconds,
    recording: recordingModeSchema.parse(r.recording),
    waiting: waiting.find((w) => w.queueId === r.id)?._count._all ?? 0,
  }));
}

/** Published routing flows a queue may hand its calls to (the queue page's list). */
export async function listRoutingFlows(db: PrismaClient = prisma()): Promise<{ id: string; name: string }[]> {
  return db.flow.findMany({ where: { kind: "routing", deletedAt: null, liveVersionId: { not: null } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The names flows may target (the IVR's transfer node and the designer's list). */
export async function listQueueNames(db: PrismaClient = prisma()): Promise<{ name: string; displayNameZh: string; displayNameEn: string }[]> {
  return db.queue.findMany({ orderBy: { name: "asc" }, select: { name: true, displayNameZh: true, displayNameEn: true } });
}

/** Creates (id null) or changes a queue; skills and overflow queues it names must exist. Audited with before and after. */
export async function saveQueue(actor: Session, id: string | null, input: QueueInput, db: PrismaClient = prisma()): Promise<{ id: string; name: string }> {
  return db.$transaction(async (tx) => {
    const taken = await tx.queue.findUnique({ where: { name: input.name } });
    if (taken && taken.id !== id) throw queueNameTaken(input.name);
    const before = id === null ? null : await tx.queue.findUnique({ where: { id }, omit: { createdAt: true, updatedAt: true } });
    if (id !== null && !before) throw queueNotFound(id);
    const skills = await tx.skill.findMany({ where: { id: { in: input.requiredSkills.map((s) => s.skillId) } }, select: { id: true } });
    const missing = input.requiredSkills.findIndex((s) => !skills.some((k) => k.id === s.skillId));
    if (missing >= 0) throw fieldError(`requiredSkills.${missing}.skillId`, "must be an existing skill");
    for (const field of ["whenFull", "whenClosed"] as const) {
      const action = input[field];
      if (action.kind === "queue" && !(await tx.queue.findUnique({ where: { name: action.queue } }))) throw fieldError(`${field}.queue`, "must be an existing queue");
    }
    if (input.routingFlowId !== null) {
      const flow = await tx.flow.findUnique({ where: { id: input.routingFlowId }, select: { kind: true, liveVersionId: true, deletedAt: true } });
      if (!flow || flow.deletedAt !== null || flow.kind !== "routing") throw fieldError("routingFlowId", "must be a routing flow");
      if (flow.liveVersionId === null) throw fieldError("routingFlowId", "must be a published routing flow");
    }
    const data = { ...input, hours: input.hours ?? Prisma.DbNull };
    const row = id === null ? await tx.queue.create({ data }) : await tx.queue.update({ where: { id }, data });
    await writeAudit(tx, actor, { action: id === null ? "queue.create" : "queue.update", targetType: "queue", targetId: row.id, details: { name: row.name, before, after: input } });
    return { id: row.id, name: row.name };
  });
}

export async function deleteQueue(actor: Session, id: string, db: PrismaClient = prisma()): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.queue.findUnique({ where: { id } });
    if (!row) throw queueNotFound(id);
    const waiting = await tx.queuedCall.count({ where: { queueId: id, status: { in: ["waiting", "offered", "connected"] } } });
    if (waiting > 0) throw new AppError(409, "queue_has_calls", `Queue ${row.name} still holds ${waiting} calls.`, { value: String(waiting) });
    await tx.queue.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "queue.delete", targetType: "queue", targetId: id, details: { name: row.name } });
    return { id };
  });
}

function fieldError(field: string, message: string): AppError {
  return new AppError(400, "invalid_input", `Invalid body: ${field}: ${message}`, { fields: [{ field, message }] });
}
