import { z } from "zod";
import { destinationSchema, secretBindingSchema } from "@/flows-runtime/nodes/http-request/http-policy";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";

export const addAllowedHostInputSchema = z.object({
  destination: destinationSchema,
  allowInternal: z.boolean().default(false),
  note: z.string().trim().max(500, "must be at most 500 characters").default(""),
});
export type AddAllowedHostInput = z.infer<typeof addAllowedHostInputSchema>;

export const setSecretBindingInputSchema = secretBindingSchema;
export type SetSecretBindingInput = z.infer<typeof setSecretBindingInputSchema>;

export interface AllowedHostView {
  id: string;
  destination: string;
  allowInternal: boolean;
  note: string;
  createdAt: string;
}

export interface SecretBindingView {
  secret: string;
  destinations: string[];
  updatedAt: string;
}

export interface HttpAllowListView {
  hosts: AllowedHostView[];
  secrets: SecretBindingView[];
}

export async function listHttpAllowList(db: PrismaClient = prisma()): Promise<HttpAllowListView> {
  const [hosts, secrets] = await Promise.all([
    db.httpAllowedHost.findMany({ orderBy: { destination: "asc" } }),
    db.httpSecretBinding.findMany({ orderBy: { secret: "asc" } }),
  ]);
  return {
    hosts: hosts.map((h) => ({ id: h.id, destination: h.destination, allowInternal: h.allowInternal, note: h.note, createdAt: h.createdAt.toISOString() })),
    secrets: secrets.map((s) => ({ secret: s.secret, destinations: s.destinations, updatedAt: s.updatedAt.toISOString() })),
  };
}

/** Adds a destination HTTP request nodes may call; audited. The same destination twice is a 409. */
export async function addAllowedHost(actor: Session, input: AddAllowedHostInput, db: PrismaClient = prisma()): Promise<AllowedHostView> {
  return db.$transaction(async (tx) => {
    const existing = await tx.httpAllowedHost.findUnique({ where: { destination: input.destination } });
    if (existing) throw new AppError(409, "destination_exists", `${input.destination} is already on the allow-list.`, { destination: input.destination });
    const row = await tx.httpAllowedHost.create({ data: { ...input, createdById: actor.userId } });
    await writeAudit(tx, actor, {
      action: "httpAllowList.add",
      targetType: "httpAllowList",
      targetId: row.id,
      details: { destination: row.destination, allowInternal: row.allowInternal, note: row.note },
    });
    return { id: row.id, destination: row.destination, allowInternal: row.allowInternal, note: row.note, createdAt: row.createdAt.toISOString() };
  });
}

export async function removeAllowedHost(actor: Session, id: string, db: PrismaClient = prisma()): Promise<{ id: string; destination: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.httpAllowedHost.findUnique({ where: { id } });
    if (!row) throw new AppError(404, "destination_not_found", `Allow-list entry ${id} does not exist.`, { id });
    await tx.httpAllowedHost.delete({ where: { id } });
    await writeAudit(tx, actor, { action: "httpAllowList.remove", targetType: "httpAllowList", targetId: id, details: { destination: row.destination } });
    return { id, destination: row.destination };
  });
}

/** Sets (replaces) the destinations a secret may be sent to; audited with before and after. */
export async function setSecretBinding(actor: Session, input: SetSecretBindingInput, db: PrismaClient = prisma()): Promise<SecretBindingView> {
  const destinations = [...new Set(input.destinations)].sort();
  return db.$transaction(async (tx) => {
    const before = await tx.httpSecretBinding.findUnique({ where: { secret: input.secret } });
    const row = await tx.httpSecretBinding.upsert({
      where: { secret: input.secret },
      create: { secret: input.secret, destinations, updatedById: actor.userId },
      update: { destinations, updatedById: actor.userId },
    });
    await writeAudit(tx, actor, {
      action: "httpSecretBinding.set",
      targetType: "httpSecretBinding",
      targetId: row.secret,
      details: { secret: row.secret, before: before?.destinations ?? null, after: row.destinations },
    });
    return { secret: row.secret, destinations: row.destinations, updatedAt: row.updatedAt.toISOString() };
  });
}

export async function removeSecretBinding(actor: Session, secret: string, db: PrismaClient = prisma()): Promise<{ secret: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.httpSecretBinding.findUnique({ where: { secret } });
    if (!row) throw new AppError(404, "secret_binding_not_found", `No binding for secret ${secret}.`, { secret });
    await tx.httpSecretBinding.delete({ where: { secret } });
    await writeAudit(tx, actor, { action: "httpSecretBinding.remove", targetType: "httpSecretBinding", targetId: secret, details: { secret, before: row.destinations } });
    return { secret };
  });
}
