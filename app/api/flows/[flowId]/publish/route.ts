import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { publishDraft, publishDraftInputSchema } from "@/app/_server/flows/publish-draft";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";

/** Body: { baseRevision?, note? }; 422 invalid_graph with every issue when the draft cannot be published. */
export const POST = withSession("flow.publish", async ({ req, session, params }) => {
  const input = parseInput(publishDraftInputSchema, await readJsonBody(req, smallBodyLimit));
  const version = await publishDraft(session, flowIdFrom(params), input, localeFromHeaders(req.headers, session.locale));
  return Response.json({ version }, { status: 201 });
});
