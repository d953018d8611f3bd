import { withSession } from "@/app/_server/auth/require-session";
import { withReaderLocale } from "@/app/_server/customers/reader-locale";
import { exportQuerySchema } from "@/app/_server/customers/customer-inputs";
import { exportCustomersCsv } from "@/app/_server/customers/export-customers";
import { parseInput } from "@/app/_server/http/parse-input";
import { queryOf } from "@/app/_server/http/route-param";

export const GET = withSession("customer.view", async ({ req, session }) => {
  const { encoding } = parseInput(exportQuerySchema, queryOf(req), "query");
  return new Response(new Uint8Array(await exportCustomersCsv(withReaderLocale(req, session).locale, encoding)), {
    headers: {
      "content-type": `text/csv; charset=${encoding}`,
      "content-disposition": `attachment; filename="customers-${encoding}.csv"`,
      "cache-control": "no-store",
    },
  });
});
