import { z } from "zod";
import type { CustomerLookup, CustomerLookupResult, CustomerProfile } from "../../flows-runtime/interpreter/effects";
import type { PrismaClient } from "../../prisma/client";

const attributesSchema = z.record(z.string(), z.unknown()).catch({});

export interface CustomerRow {
  id: string;
  name: string;
  memberLevel: string | null;
  tags: string[];
  timeZone: string | null;
  preferredLanguage: string | null;
  attributes: unknown;
}

export function customerProfileOf(row: CustomerRow): CustomerProfile {
  return {
    id: row.id,
    name: row.name,
    tier: row.memberLevel,
    tags: row.tags,
    timeZone: row.timeZone,
    language: row.preferredLanguage,
    attributes: attributesSchema.parse(row.attributes),
  };
}

/** The lookup-customer node's I/O: one indexed read per call step. */
export function createCustomerActivities(db: PrismaClient) {
  return {
    async lookupCustomer(lookup: CustomerLookup): Promise<CustomerLookupResult> {
      if (lookup.by === "phone") {
        const phone = await db.customerPhone.findUnique({ where: { number: lookup.value }, include: { customer: true } });
        return phone === null ? { kind: "not-found" } : { kind: "found", customer: customerProfileOf(phone.customer) };
      }
      // Several customers with the same value (an order number typed twice): the most recently changed one.
      const row = await db.customer.findFirst({ where: { attributes: { path: [lookup.key], equals: lookup.value } }, orderBy: { updatedAt: "desc" } });
      return row === null ? { kind: "not-found" } : { kind: "found", customer: customerProfileOf(row) };
    },
  };
}

export type CustomerActivities = ReturnType<typeof createCustomerActivities>;
