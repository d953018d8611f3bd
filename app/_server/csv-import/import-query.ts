import { z } from "zod";

/** Column index (0-based) by target field, as a chosen mapping arrives. */
const importMappingSchema = z.record(z.string().max(80), z.number().int().min(0).max(500)).nullable();

/** The query of an import route: the body is the file itself. */
export const csvImportQuerySchema = z.object({
  /** JSON of { field: column index }; absent = guess from the header. */
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return null;
      try {
        return importMappingSchema.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: "custom", message: "must be a JSON object of field: column number" });
        return z.NEVER;
      }
    }),
  /** "1": import; otherwise only check and preview. */
  commit: z.enum(["0", "1"]).default("0"),
});
