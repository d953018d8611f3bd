import { withSession } from "@/app/_server/auth/require-session";
import { createFlow, createFlowInputSchema } from "@/app/_server/flows/create-flow";
import { listFlows, listFlowsQuerySchema } from "@/app/_server/flows/list-flows";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { queryOf } from "@/app/_server/http/route-param";

export const GET = withSession("flow.view", async ({ req, session }) => {
  const query = parseInput(listFlowsQuerySchema, queryOf(req), "query");
  return Response.json({ flows: await listFlows(session, query) });
});

export const POST = withSession("flow.create", async ({ req, session }) => {
  const input = parseInput(createFlowInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ flow: await createFlow(session, input) }, { status: 201 });
});
