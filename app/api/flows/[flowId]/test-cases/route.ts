import { withSession } from "@/app/_server/auth/require-session";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { createTestCase } from "@/app/_server/test-cases/create-test-case";
import { listTestCases } from "@/app/_server/test-cases/list-test-cases";
import { testCaseBodyLimit, testCaseInputSchema } from "@/app/_server/test-cases/test-case-input";

/** The flow's saved test cases, each with its latest run. */
export const GET = withSession("flow.view", async ({ session, params }) => {
  return Response.json({ testCases: await listTestCases(session, flowIdFrom(params)) }, { headers: { "Cache-Control": "no-store" } });
});

/** Body: { name, pretend?, inputs?, expectations }. 409 test_case_name_taken. */
export const POST = withSession("flow.editDraft", async ({ req, session, params }) => {
  const flowId = flowIdFrom(params);
  const input = parseInput(testCaseInputSchema, await readJsonBody(req, testCaseBodyLimit));
  return Response.json({ testCase: await createTestCase(session, flowId, input) }, { status: 201 });
});
