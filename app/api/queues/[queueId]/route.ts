import { withSession } from "@/app/_server/auth/require-session";
import { smallBodyLimit } from "@/app/_server/http/body-limits";
import { parseInput } from "@/app/_server/http/parse-input";
import { readJsonBody } from "@/app/_server/http/read-json-body";
import { paramFrom } from "@/app/_server/http/route-param";
import { deleteQueue, saveQueue } from "@/app/_server/queues/manage-queues";
import { queueInputSchema } from "@/app/_server/queues/queue-inputs";

export const PUT = withSession("user.manage", async ({ req, session, params }) => {
  const input = parseInput(queueInputSchema, await readJsonBody(req, smallBodyLimit));
  return Response.json({ queue: await saveQueue(session, paramFrom(params, "queueId"), input) });
});

/** 409 queue_has_calls while calls wait in it. */
export const DELETE = withSession("user.manage", async ({ session, params }) => Response.json({ queue: await deleteQueue(session, paramFrom(params, "queueId")) }));
