import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { rollbackFlow, rollbackInputSchema } from "@/app/_server/versions/rollback-flow";

/** Body: { versionId, expectedLiveVersionId?, note } (note: the reason, required): a version that has been live before becomes live again. */
export const POST = withSession("flow.rollback", async ({ req, session, params }) => {
  const input = parseInput(rollbackInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ live: await rollbackFlow(session, flowIdFrom(params), input) });
});
