import { withSession } from "@/app/_server/auth/require-session";
import { withReaderLocale } from "@/app/_server/customers/reader-locale";
import { customerInputSchema, customerSearchSchema } from "@/app/_server/customers/customer-inputs";
import { saveCustomer, searchCustomers } from "@/app/_server/customers/manage-customers";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { queryOf } from "@/app/_server/http/route-param";

/** Search all customers: supervisors and administrators only (agents see the customers of their own calls). */
export const GET = withSession("customer.view", async ({ req }) => Response.json(await searchCustomers(parseInput(customerSearchSchema, queryOf(req), "query"))));

export const POST = withSession("customer.edit", async ({ req, session }) => {
  const input = parseInput(customerInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ customer: await saveCustomer(withReaderLocale(req, session), null, input) }, { status: 201 });
});
