import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { parseInput } from "@/app/_server/http/parse-input";
import { queryOf } from "@/app/_server/http/route-param";
import { diffFlow, diffQuerySchema } from "@/app/_server/versions/diff-flow";

/** GET ?from=live|draft|<versionId>&to=…: the structured diff, its summary in the user's language, and both graphs. */
export const GET = withSession("flow.view", async ({ req, session, params }) => {
  const query = parseInput(diffQuerySchema, queryOf(req), "query");
  return Response.json(await diffFlow(session, flowIdFrom(params), query, localeFromHeaders(req.headers, session.locale)));
});
