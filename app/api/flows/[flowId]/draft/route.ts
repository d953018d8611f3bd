import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { getDraft } from "@/app/_server/flows/get-draft";
import { saveDraft, saveDraftInputSchema } from "@/app/_server/flows/save-draft";
import { graphBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";

export const GET = withSession("flow.view", async ({ session, params }) => {
  return Response.json({ draft: await getDraft(session, flowIdFrom(params)) });
});

/** Body: { graph, baseRevision }; 409 draft_conflict when someone saved since baseRevision. */
export const PUT = withSession("flow.editDraft", async ({ req, session, params }) => {
  const input = parseInput(saveDraftInputSchema, await readJsonBody(req, graphBodyLimit));
  return Response.json({ draft: await saveDraft(session, flowIdFrom(params), input, localeFromHeaders(req.headers, session.locale)) });
});
