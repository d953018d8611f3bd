import { withSession } from "@/app/_server/auth/require-session";
import { customerFieldInputSchema } from "@/app/_server/customers/field-rules";
import { listCustomerFields, saveCustomerField } from "@/app/_server/customers/manage-customer-fields";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";

/** Any signed-in user: agents' pages label the attributes with them. */
export const GET = withSession("signed-in", async () => Response.json({ fields: await listCustomerFields() }));

/** Adds a field, or changes the one with this key. */
export const PUT = withSession("customer.fields", async ({ req, session }) => {
  const input = parseInput(customerFieldInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ field: await saveCustomerField(session, input) });
});
