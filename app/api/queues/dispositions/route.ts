import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { listDispositions, saveDisposition } from "@/app/_server/queues/manage-dispositions";
import { dispositionCodeInputSchema } from "@/app/_server/queues/queue-inputs";

/** Any signed-in user may read them: agents choose one at wrap-up. */
export const GET = withSession("signed-in", async () => Response.json({ dispositions: await listDispositions() }));

export const POST = withSession("user.manage", async ({ req, session }) => {
  const input = parseInput(dispositionCodeInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ disposition: await saveDisposition(session, null, input) }, { status: 201 });
});
