import { z } from "zod";
import { withSession } from "@/app/_server/auth/require-session";
import { parseInput } from "@/app/_server/http/parse-input";
import { getTestCaseRun } from "@/app/_server/test-cases/get-test-case-run";

const paramsSchema = z.object({ flowId: z.string().min(1).max(100), runId: z.string().min(1, "is required").max(100) });

/** A run: "running" until its call ended, then "passed", "failed" (with each expectation's result) or "error". */
export const GET = withSession("flow.view", async ({ session, params }) => {
  const { flowId, runId } = parseInput(paramsSchema, params, "params");
  return Response.json({ run: await getTestCaseRun(session, flowId, runId) }, { headers: { "Cache-Control": "no-store" } });
});
