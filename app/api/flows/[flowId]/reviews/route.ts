import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { queryOf } from "@/app/_server/http/route-param";
import { listReviews, listReviewsQuerySchema } from "@/app/_server/reviews/list-reviews";
import { submitReview, submitReviewInputSchema } from "@/app/_server/reviews/submit-review";

/** GET ?status=pending|approved|…: this flow's reviews. */
export const GET = withSession("flow.view", async ({ req, session, params }) => {
  const query = parseInput(listReviewsQuerySchema, { ...queryOf(req), flowId: flowIdFrom(params) }, "query");
  return Response.json({ reviews: await listReviews(session, query) });
});

/** Body: { note, baseRevision? }. Compiles and freezes the draft as a candidate version pending review; 422 invalid_graph lists every problem. */
export const POST = withSession("flow.submitReview", async ({ req, session, params }) => {
  const input = parseInput(submitReviewInputSchema, await readJsonBody(req, smallBodyLimit));
  const submitted = await submitReview(session, flowIdFrom(params), input, localeFromHeaders(req.headers, session.locale));
  return Response.json(submitted, { status: 201 });
});
