import { z } from "zod";

const jsonSchema = z.json();

/** Any JSON value (a list of inputs, a list of results) as Prisma stores it; toJsonObject takes objects only. */
export function toJsonValue(value: unknown) {
  const parsed = jsonSchema.parse(value);
  // Prisma writes a JSON null through Prisma.JsonNull, never a bare null: the lists and objects here never are null.
  if (parsed === null) throw new Error("a JSON column value must not be null here");
  return parsed;
}
