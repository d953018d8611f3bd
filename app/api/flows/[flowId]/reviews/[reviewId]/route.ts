import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { paramFrom } from "@/app/_server/http/route-param";
import { getReview } from "@/app/_server/reviews/list-reviews";

export const GET = withSession("flow.view", async ({ session, params }) => {
  return Response.json({ review: await getReview(session, flowIdFrom(params), paramFrom(params, "reviewId")) });
});
