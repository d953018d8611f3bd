import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { publishVersion, publishVersionInputSchema } from "@/app/_server/versions/publish-version";

/**
 * Body: { versionId, expectedLiveVersionId? }. Only an approved version is published (409
 * version_not_approved otherwise); the draft goes through POST /api/flows/:id/reviews first.
 */
export const POST = withSession("flow.publish", async ({ req, session, params }) => {
  const input = parseInput(publishVersionInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ live: await publishVersion(session, flowIdFrom(params), input) });
});
