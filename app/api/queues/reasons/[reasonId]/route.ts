import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { saveReason } from "@/app/_server/queues/manage-reasons";
import { reasonInputSchema } from "@/app/_server/queues/queue-inputs";

/** Change or (active: false) deactivate a reason; 409 system_reason for the matcher's own. */
export const PUT = withSession("user.manage", async ({ req, session, params }) => {
  const input = parseInput(reasonInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ reason: await saveReason(session, paramFrom(params, "reasonId"), input) });
});
