import { withSession } from "@/app/_server/auth/require-session";
import { duplicateFlow, duplicateFlowInputSchema } from "@/app/_server/flows/duplicate-flow";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";

export const POST = withSession("flow.duplicate", async ({ req, session, params }) => {
  const input = parseInput(duplicateFlowInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ flow: await duplicateFlow(session, flowIdFrom(params), input) }, { status: 201 });
});
