import { z } from "zod";
import type { CustomerRow } from "@/workers/customers/customer-activities";

/** A customer as the pages and the API show it: the row with its attributes checked as an object and its phone numbers. */
export interface CustomerView extends Omit<CustomerRow, "attributes"> {
  attributes: Record<string, unknown>;
  phones: string[];
  updatedAt: string;
}

const attributesSchema = z.record(z.string(), z.unknown()).catch({});

export type CustomerRowWithPhones = CustomerRow & { updatedAt: Date; phones: { number: string }[] };

export const customerInclude = { phones: { select: { number: true }, orderBy: { number: "asc" } } } as const;

export function customerView(row: CustomerRowWithPhones): CustomerView {
  return {
    id: row.id,
    name: row.name,
    memberLevel: row.memberLevel,
    tags: row.tags,
    timeZone: row.timeZone,
    preferredLanguage: row.preferredLanguage,
    attributes: attributesSchema.parse(row.attributes),
    phones: row.phones.map((phone) => phone.number),
    updatedAt: row.updatedAt.toISOString(),
  };
}
