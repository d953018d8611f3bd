import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { fieldNotFound } from "./customer-errors";
import type { CustomerFieldInput, FieldRule } from "./field-rules";

export type CustomerFieldView = FieldRule & { position: number };

const view = (row: CustomerFieldView): CustomerFieldView => ({ key: row.key, labelZh: row.labelZh, labelEn: row.labelEn, type: row.type, options: row.options, required: row.required, position: row.position });

export async function listCustomerFields(db: PrismaClient = prisma()): Promise<CustomerFieldView[]> {
  return (await db.customerField.findMany({ orderBy: [{ position: "asc" }, { key: "asc" }] })).map(view);
}

/**
 * Adds or changes a field (by key). Existing customers are not rewritten: a field made required
 * applies at their next change, a value that no longer fits is reported then, naming the field.
 */
export async function saveCustomerField(actor: Session, input: CustomerFieldInput, db: PrismaClient = prisma()): Promise<CustomerFieldView> {
  return db.$transaction(async (tx) => {
    const before = await tx.customerField.findUnique({ where: { key: input.key } });
    const row = await tx.customerField.upsert({ where: { key: input.key }, create: input, update: input });
    await writeAudit(tx, actor, { action: before ? "customerField.update" : "customerField.create", targetType: "customerField", targetId: row.key, details: { before: before === null ? null : view(before), after: input } });
    return view(row);
  });
}

/** Removes a field from the list; values customers already have stay in their attributes until their next change. */
export async function deleteCustomerField(actor: Session, key: string, db: PrismaClient = prisma()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.customerField.findUnique({ where: { key } });
    if (!before) throw fieldNotFound(key);
    await tx.customerField.delete({ where: { key } });
    await writeAudit(tx, actor, { action: "customerField.delete", targetType: "customerField", targetId: key, details: { before: view(before) } });
  });
}
