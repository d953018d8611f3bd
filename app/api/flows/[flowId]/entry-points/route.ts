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
  return Response.json({ entryPoints: await listEntryPoints(session, flowIdFrom(params)) });
});

export const POST = withSession("entryPoint.edit", async ({ req, session, params }) => {
  const input = parseInput(entryPointInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ entryPoint: await addEntryPoint(session, flowIdFrom(params), input) }, { status: 201 });
});

/** DELETE /api/flows/:flowId/entry-points?id=… */
export const DELETE = withSession("entryPoint.edit", async ({ req, session, params }) => {
  const query = parseInput(removeEntryPointQuerySchema, queryOf(req), "query");
  return Response.json(await removeEntryPoint(session, flowIdFrom(params), query));
});
