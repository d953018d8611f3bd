import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import { withSession } from "@/app/_server/auth/require-session";
import { parseInput } from "@/app/_server/http/parse-input";
import { runTestCase } from "@/app/_server/test-cases/run-test-case";
import { testCaseParamsSchema } from "@/app/_server/test-cases/test-case-input";

/**
 * Runs the case on the current draft (422 invalid_graph when the draft cannot run); poll the run for its
 * result. Anyone who may see the flow: a test call pretends and reaches no real caller.
 */
export const POST = withSession("flow.view", async ({ req, session, params }) => {
  const { flowId, caseId } = parseInput(testCaseParamsSchema, params, "params");
  const run = await runTestCase(session, flowId, caseId, localeFromHeaders(req.headers, session.locale));
  return Response.json({ run }, { status: 201 });
});
