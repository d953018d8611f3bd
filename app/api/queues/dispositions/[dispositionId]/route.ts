import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { saveDisposition } from "@/app/_server/queues/manage-dispositions";
import { dispositionCodeInputSchema } from "@/app/_server/queues/queue-inputs";

/** Change or (active: false) deactivate a disposition code. */
export const PUT = withSession("user.manage", async ({ req, session, params }) => {
  const input = parseInput(dispositionCodeInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ disposition: await saveDisposition(session, paramFrom(params, "dispositionId"), input) });
});
