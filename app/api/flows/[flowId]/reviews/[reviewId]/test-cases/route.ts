import { withSession } from "@/app/_server/auth/require-session";
import { parseInput } from "@/app/_server/http/parse-input";
import { listReviewCaseRuns } from "@/app/_server/test-cases/list-review-case-runs";
import { reviewCaseParamsSchema } from "@/app/_server/test-cases/test-case-input";

/** The flow's saved test cases as they ran on the review's candidate at submission. */
export const GET = withSession("flow.view", async ({ session, params }) => {
  const { flowId, reviewId } = parseInput(reviewCaseParamsSchema, params, "params");
  return Response.json({ runs: await listReviewCaseRuns(session, flowId, reviewId) }, { headers: { "Cache-Control": "no-store" } });
});
