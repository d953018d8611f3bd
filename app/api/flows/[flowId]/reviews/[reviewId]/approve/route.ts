import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { approveReviewInputSchema, decideReview } from "@/app/_server/reviews/decide-review";

/** Body: { note? }. 403 four_eyes for the change's own submitter or any of its editors. */
export const POST = withSession("flow.review", async ({ req, session, params }) => {
  const input = parseInput(approveReviewInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ review: await decideReview(session, flowIdFrom(params), paramFrom(params, "reviewId"), "approved", input.note) });
});
