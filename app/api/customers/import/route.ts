import { z } from "zod";
import { withSession } from "@/app/_server/auth/require-session";
import { withReaderLocale } from "@/app/_server/customers/reader-locale";
import { importMappingSchema } from "@/app/_server/customers/customer-inputs";
import { importCustomers, previewCustomerImport } from "@/app/_server/customers/import-customers";
import { csvImportBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readBodyBytes } from "@/app/_server/http/read-json-body";
import { queryOf } from "@/app/_server/http/route-param";

const importQuerySchema = z.object({
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

/** The body is the file as it is (UTF-8 or GBK). Preview (the mapping step and every row problem), or import all or nothing. */
export const POST = withSession("customer.edit", async ({ req, session }) => {
  const query = parseInput(importQuerySchema, queryOf(req), "query");
  const bytes = await readBodyBytes(req, csvImportBodyLimit);
  if (query.commit === "1") return Response.json(await importCustomers(withReaderLocale(req, session), bytes, query.mapping));
  return Response.json(await previewCustomerImport(withReaderLocale(req, session), bytes, query.mapping));
});
