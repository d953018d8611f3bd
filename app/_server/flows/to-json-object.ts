import { z } from "zod";

const jsonObjectSchema = z.record(z.string(), z.json());

/**
 * A parsed graph as the JSON object Prisma stores. Graph types keep `unknown` for node settings, which
 * Prisma's JSON input type does not accept; checking it here also drops anything JSON cannot hold.
 */
export function toJsonObject(value: unknown) {
  return jsonObjectSchema.parse(value);
}
