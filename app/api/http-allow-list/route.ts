import { withSession } from "@/app/_server/auth/require-session";
import { addAllowedHost, addAllowedHostInputSchema, listHttpAllowList } from "@/app/_server/http-allow-list/manage-http-allow-list";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";

// The allow-list is the administrator's (the user.manage grant) until it has a permission of its own.
export const GET = withSession("user.manage", async () => {
  return Response.json(await listHttpAllowList());
});

/** Body: { destination, allowInternal?, note? }. */
export const POST = withSession("user.manage", async ({ req, session }) => {
  const input = parseInput(addAllowedHostInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ host: await addAllowedHost(session, input) }, { status: 201 });
});
