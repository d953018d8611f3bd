import { withSession } from "@/app/_server/auth/require-session";
import { callQuerySchema } from "@/app/_server/calls/call-query";
import { listCalls } from "@/app/_server/calls/list-calls";
import { parseInput } from "@/app/_server/http/parse-input";
import { queryOf } from "@/app/_server/http/route-param";

/** GET ?from&to&flowId&versionId&caller&dialed&outcome&minDuration&maxDuration&nodeId&voicemail&after&limit: newest first, `nextAfter` for the next page. */
export const GET = withSession("call.view", async ({ req }) => {
  const query = parseInput(callQuerySchema, queryOf(req), "query");
  return Response.json(await listCalls(query));
});
