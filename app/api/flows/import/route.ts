import { localeFromHeaders } from "@/app/_i18n/locale-from-headers";
import { withSession } from "@/app/_server/auth/require-session";
import { importFlow } from "@/app/_server/flows/import-flow";
import { graphBodyLimit } from "@/app/_server/http/body-limits";
import { readJsonBody } from "@/app/_server/http/read-json-body";

/** Body: an exported flow file (or a bare graph); the validator, not zod, checks its contents. */
export const POST = withSession("flow.import", async ({ req, session }) => {
  const body = await readJsonBody(req, graphBodyLimit);
  const flow = await importFlow(session, body, localeFromHeaders(req.headers, session.locale));
  return Response.json({ flow }, { status: 201 });
});
