import { withSession } from "@/app/_server/auth/require-session";
import { exportAuditCsv } from "@/app/_server/audit/export-audit-csv";
import { auditQuerySchema } from "@/app/_server/audit/list-audit";
import { parseInput } from "@/app/_server/http/parse-input";
import { queryOf } from "@/app/_server/http/route-param";

/** The filtered audit log as a CSV download (same filters as GET /api/audit). */
export const GET = withSession("audit.view", async ({ req }) => {
  const query = parseInput(auditQuerySchema.omit({ before: true, limit: true }), queryOf(req), "query");
  return new Response(await exportAuditCsv(query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="audit-log.csv"',
      "cache-control": "no-store",
    },
  });
});
