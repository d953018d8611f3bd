import { withSession } from "@/app/_server/auth/require-session";
import { callFiltersSchema } from "@/app/_server/calls/call-query";
import { exportCallsCsv } from "@/app/_server/calls/export-calls-csv";
import { parseInput } from "@/app/_server/http/parse-input";
import { queryOf } from "@/app/_server/http/route-param";

/** The filtered call log as a CSV download (same filters as GET /api/calls). */
export const GET = withSession("call.view", async ({ req }) => {
  const filters = parseInput(callFiltersSchema, queryOf(req), "query");
  return new Response(await exportCallsCsv(filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="call-log.csv"',
      "cache-control": "no-store",
    },
  });
});
