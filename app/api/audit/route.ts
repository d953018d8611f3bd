import { withSession } from "@/app/_server/auth/require-session";
import { listAudit, auditQuerySchema } from "@/app/_server/audit/list-audit";
import { parseInput } from "@/app/_server/http/parse-input";
import { queryOf } from "@/app/_server/http/route-param";

/** GET ?actorId&action&flowId&from&to (days, inclusive)&before&limit: newest first, `nextBefore` for the next page. */
export const GET = withSession("audit.view", async ({ req }) => {
  const query = parseInput(auditQuerySchema, queryOf(req), "query");
  return Response.json(await listAudit(query));
});
