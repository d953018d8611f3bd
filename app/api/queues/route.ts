import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { listQueues, saveQueue } from "@/app/_server/queues/manage-queues";
import { queueInputSchema } from "@/app/_server/queues/queue-inputs";

// Queues, skills, reasons and agents' profiles are the administrator's (the user.manage grant).
export const GET = withSession("user.manage", async () => Response.json({ queues: await listQueues() }));

export const POST = withSession("user.manage", async ({ req, session }) => {
  const input = parseInput(queueInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ queue: await saveQueue(session, null, input) }, { status: 201 });
});
