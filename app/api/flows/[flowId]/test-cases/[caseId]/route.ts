import { withSession } from "@/app/_server/auth/require-session";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { deleteTestCase } from "@/app/_server/test-cases/delete-test-case";
import { testCaseBodyLimit, testCaseInputSchema, testCaseParamsSchema } from "@/app/_server/test-cases/test-case-input";
import { updateTestCase } from "@/app/_server/test-cases/update-test-case";

/** Body: the whole case ({ name, pretend?, inputs?, expectations }), replacing what was saved. */
export const PUT = withSession("flow.editDraft", async ({ req, session, params }) => {
  const { flowId, caseId } = parseInput(testCaseParamsSchema, params, "params");
  const input = parseInput(testCaseInputSchema, await readJsonBody(req, testCaseBodyLimit));
  return Response.json({ testCase: await updateTestCase(session, flowId, caseId, input) });
});

export const DELETE = withSession("flow.editDraft", async ({ session, params }) => {
  const { flowId, caseId } = parseInput(testCaseParamsSchema, params, "params");
  return Response.json({ testCase: await deleteTestCase(session, flowId, caseId) });
});
