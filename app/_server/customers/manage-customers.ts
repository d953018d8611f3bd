import { prisma, type PrismaClient } from "@/prisma/client";
import type { Prisma } from "@/prisma/generated/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { toJsonObject } from "@/app/_server/flows/to-json-object";
import { normalizePhoneNumber } from "@/flows-runtime/nodes/lookup-customer/phone-number";
import { customerNotFound, invalidCustomer, phoneTaken } from "./customer-errors";
import type { CustomerInput, CustomerSearch } from "./customer-inputs";
import { customerInclude, customerView, type CustomerView } from "./customer-view";
import { checkAttributes } from "./field-rules";
import { listCustomerFields } from "./manage-customer-fields";
import { normalizePhones } from "./normalize-phones";

const PAGE = 50;

export interface CustomerPage {
  customers: CustomerView[];
  /** Pass as `after` for the next page; null on the last. */
  nextAfter: string | null;
}

/** Everyone (supervisors and administrators): by part of the name, a phone number in any form, or a tag. */
export async function searchCustomers(search: CustomerSearch, db: PrismaClient = prisma()): Promise<CustomerPage> {
  const q = search.q;
  const phone = q === "" ? null : normalizePhoneNumber(q);
  const where: Prisma.CustomerWhereInput =
    q === ""
      ? {}
      : {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { tags: { has: q } },
            { memberLevel: { equals: q, mode: "insensitive" } },
            ...(phone?.ok ? [{ phones: { some: { number: { startsWith: phone.number } } } }] : []),
          ],
        };
  const rows = await db.customer.findMany({
    where,
    include: customerInclude,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PAGE + 1,
    ...(search.after === undefined ? {} : { cursor: { id: search.after }, skip: 1 }),
  });
  const page = rows.slice(0, PAGE);
  return { customers: page.map(customerView), nextAfter: rows.length > PAGE ? (page.at(-1)?.id ?? null) : null };
}

export async function readCustomer(customerId: string, db: PrismaClient = prisma()): Promise<CustomerView> {
  const row = await db.customer.findUnique({ where: { id: customerId }, include: customerInclude });
  if (!row) throw customerNotFound(customerId);
  return customerView(row);
}

/** The phones and attributes checked against the field list; every problem at once, each named. */
async function checkedInput(actor: Session, input: CustomerInput, db: PrismaClient) {
  const phones = normalizePhones(input.phones, actor.locale);
  const attributes = checkAttributes(await listCustomerFields(db), input.attributes, actor.locale);
  const problems = [...(phones.ok ? [] : phones.problems), ...(attributes.ok ? [] : attributes.problems)];
  if (!phones.ok || !attributes.ok || problems.length > 0) throw invalidCustomer(problems);
  return { numbers: phones.numbers, attributes: attributes.attributes };
}

async function assertPhonesFree(tx: Prisma.TransactionClient, numbers: string[], customerId: string | null, locale: Session["locale"]): Promise<void> {
  const taken = await tx.customerPhone.findMany({ where: { number: { in: numbers }, ...(customerId === null ? {} : { customerId: { not: customerId } }) }, include: { customer: { select: { name: true } } } });
  const [first] = taken;
  if (first !== undefined) throw phoneTaken(numbers.indexOf(first.number), first.number, first.customer.name, locale);
}

/** Creates (id null) or replaces a customer with its phones; audited. */
export async function saveCustomer(actor: Session, customerId: string | null, input: CustomerInput, db: PrismaClient = prisma()): Promise<CustomerView> {
  const { numbers, attributes } = await checkedInput(actor, input, db);
  const data = { name: input.name, memberLevel: input.memberLevel, tags: [...new Set(input.tags)], timeZone: input.timeZone, preferredLanguage: input.preferredLanguage, attributes: toJsonObject(attributes) };
  return db.$transaction(async (tx) => {
    await assertPhonesFree(tx, numbers, customerId, actor.locale);
    const before = customerId === null ? null : await tx.customer.findUnique({ where: { id: customerId }, include: customerInclude });
    if (customerId !== null && !before) throw customerNotFound(customerId);
    const row =
      customerId === null
        ? await tx.customer.create({ data: { ...data, phones: { create: numbers.map((number) => ({ number })) } }, include: customerInclude })
        : await tx.customer.update({ where: { id: customerId }, data: { ...data, phones: { deleteMany: {}, create: numbers.map((number) => ({ number })) } }, include: customerInclude });
    const after = customerView(row);
    await writeAudit(tx, actor, { action: customerId === null ? "customer.create" : "customer.update", targetType: "customer", targetId: row.id, details: { before: before === null ? null : customerView(before), after } });
    return after;
  });
}

export async function deleteCustomer(actor: Session, customerId: string, db: PrismaClient = prisma()): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.customer.findUnique({ where: { id: customerId }, include: customerInclude });
    if (!before) throw customerNotFound(customerId);
    await tx.customer.delete({ where: { id: customerId } });
    await writeAudit(tx, actor, { action: "customer.delete", targetType: "customer", targetId: customerId, details: { before: customerView(before) } });
  });
}
