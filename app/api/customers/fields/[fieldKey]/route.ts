import { withSession } from "@/app/_server/auth/require-session";
import { deleteCustomerField } from "@/app/_server/customers/manage-customer-fields";
import { paramFrom } from "@/app/_server/http/route-param";

export const DELETE = withSession("customer.fields", async ({ session, params }) => {
  await deleteCustomerField(session, paramFrom(params, "fieldKey"));
  return new Response(null, { status: 204 });
});
