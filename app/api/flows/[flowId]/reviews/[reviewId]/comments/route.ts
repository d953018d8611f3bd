import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { addReviewComment, addReviewCommentInputSchema, listReviewComments } from "@/app/_server/reviews/review-comments";

/** { comments, byNode: { [nodeId]: comments }, general } for the canvas and the review page. */
export const GET = withSession("flow.view", async ({ session, params }) => {
  return Response.json(await listReviewComments(session, flowIdFrom(params), paramFrom(params, "reviewId")));
});

/** Body: { nodeId: string | null, body }. */
export const POST = withSession("flow.review", async ({ req, session, params }) => {
  const input = parseInput(addReviewCommentInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ comment: await addReviewComment(session, flowIdFrom(params), paramFrom(params, "reviewId"), input) }, { status: 201 });
});
