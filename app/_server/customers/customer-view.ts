import { z } from "zod";

export interface CustomerView {
  id: string;
  name: string;
  memberLevel: string | null;
  tags: string[];
  timeZone: string | null;
  preferredLanguage: string | null;
  attributes: Record<string, unknown>;
  phones: string[];
  updatedAt: string;
}

const attributesSchema = z.record(z.string(), z.unknown()).catch({});

export interface CustomerRowWithPhones {
  id: string;
  name: string;
  memberLevel: string | null;
  tags: string[];
  timeZone: string | null;
  preferredLanguage: string | null;
  attributes: unknown;
  updatedAt: Date;
  phones: { number: string }[];
}

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
