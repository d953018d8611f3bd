import { withSession } from "@/app/_server/auth/require-session";
import { deleteFlow } from "@/app/_server/flows/delete-flow";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { getFlow } from "@/app/_server/flows/get-flow";
import { renameFlow, renameFlowInputSchema } from "@/app/_server/flows/rename-flow";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";

export const GET = withSession("flow.view", async ({ session, params }) => {
  return Response.json({ flow: await getFlow(session, flowIdFrom(params)) });
});

export const PATCH = withSession("flow.rename", async ({ req, session, params }) => {
  const input = parseInput(renameFlowInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ flow: await renameFlow(session, flowIdFrom(params), input) });
});

export const DELETE = withSession("flow.delete", async ({ session, params }) => {
  return Response.json({ flow: await deleteFlow(session, flowIdFrom(params)) });
});
