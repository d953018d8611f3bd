import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { listReasons, saveReason } from "@/app/_server/queues/manage-reasons";
import { reasonInputSchema } from "@/app/_server/queues/queue-inputs";

/** Any signed-in user may read them: agents choose one when they are not ready. */
export const GET = withSession("signed-in", async () => Response.json({ reasons: await listReasons() }));

export const POST = withSession("user.manage", async ({ req, session }) => {
  const input = parseInput(reasonInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ reason: await saveReason(session, null, input) }, { status: 201 });
});
