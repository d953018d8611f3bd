import { withSession } from "@/app/_server/auth/require-session";
import { addEntryPoint } from "@/app/_server/flows/add-entry-point";
import { entryPointInputSchema, removeEntryPointQuerySchema } from "@/app/_server/flows/entry-point-input";
import { flowIdFrom } from "@/app/_server/flows/flow-id";
import { listEntryPoints } from "@/app/_server/flows/list-entry-points";
import { removeEntryPoint } from "@/app/_server/flows/remove-entry-point";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { queryOf } from "@/app/_server/http/route-param";

export const GET = withSession("entryPoint.view", async ({ session, params }) => {
  return Response.json(await listEntryPoints(session, flowIdFrom(params)));
});

/** Proposes a number for the flow: it goes live with the next version published through review. */
export const POST = withSession("entryPoint.edit", async ({ req, session, params }) => {
  const input = parseInput(entryPointInputSchema, await readJsonBody(req, smallBodyLimit));
  const { entryPoint, view } = await addEntryPoint(session, flowIdFrom(params), input);
  return Response.json({ entryPoint, ...view }, { status: 201 });
});

/** DELETE /api/flows/:flowId/entry-points?id=… */
export const DELETE = withSession("entryPoint.edit", async ({ req, session, params }) => {
  const query = parseInput(removeEntryPointQuerySchema, queryOf(req), "query");
  const { removed, view } = await removeEntryPoint(session, flowIdFrom(params), query);
  return Response.json({ removed, ...view });
});
