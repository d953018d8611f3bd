import { withSession } from "@/app/_server/auth/require-session";
import { parseInput } from "@/app/_server/http/parse-input";
import { queryOf } from "@/app/_server/http/route-param";
import { listReviews, listReviewsQuerySchema } from "@/app/_server/reviews/list-reviews";

/** The review queue: GET ?status=pending (default), oldest first. */
export const GET = withSession("flow.view", async ({ req, session }) => {
  const query = parseInput(listReviewsQuerySchema.omit({ flowId: true }), queryOf(req), "query");
  return Response.json({ reviews: await listReviews(session, query) });
});
