import { withSession } from "@/app/_server/auth/require-session";
import { withReaderLocale } from "@/app/_server/customers/reader-locale";
import { csvImportQuerySchema } from "@/app/_server/csv-import/import-query";
import { importCustomers, previewCustomerImport } from "@/app/_server/customers/import-customers";
import { csvImportBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readBodyBytes } from "@/app/_server/http/read-json-body";
import { queryOf } from "@/app/_server/http/route-param";

/** The body is the file as it is (UTF-8 or GBK). Preview (the mapping step and every row problem), or import all or nothing. */
export const POST = withSession("customer.edit", async ({ req, session }) => {
  const query = parseInput(csvImportQuerySchema, queryOf(req), "query");
  const bytes = await readBodyBytes(req, csvImportBodyLimit);
  if (query.commit === "1") return Response.json(await importCustomers(withReaderLocale(req, session), bytes, query.mapping));
  return Response.json(await previewCustomerImport(withReaderLocale(req, session), bytes, query.mapping));
});
