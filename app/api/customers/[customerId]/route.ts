import { withSession } from "@/app/_server/auth/require-session";
import { withReaderLocale } from "@/app/_server/customers/reader-locale";
import { customerInputSchema } from "@/app/_server/customers/customer-inputs";
import { readCustomerPage } from "@/app/_server/customers/customer-page";
import { deleteCustomer, saveCustomer } from "@/app/_server/customers/manage-customers";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";

/** The profile and timeline. Agents: only a customer of a call offered to them (404 otherwise, checked in the domain). */
export const GET = withSession("signed-in", async ({ session, params }) => Response.json(await readCustomerPage(session, paramFrom(params, "customerId"))));

export const PUT = withSession("customer.edit", async ({ req, session, params }) => {
  const input = parseInput(customerInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ customer: await saveCustomer(withReaderLocale(req, session), paramFrom(params, "customerId"), input) });
});

export const DELETE = withSession("customer.edit", async ({ session, params }) => {
  await deleteCustomer(session, paramFrom(params, "customerId"));
  return new Response(null, { status: 204 });
});
