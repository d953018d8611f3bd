// Child process for the restart test: enqueues calls one after another and prints each id once its
// transaction has committed, until it is killed.
import { createPrismaClient } from "../../../prisma/client";
import { enqueueCall } from "../enqueue-call";

const url = process.env.CC_QUEUE_TEST_DB_URL;
if (!url) throw new Error("CC_QUEUE_TEST_DB_URL is not set");
const db = createPrismaClient(url);
for (let i = 0; ; i += 1) {
  const result = await enqueueCall(db, { callId: `child-${i}`, queue: "restart" });
  if (result.status !== "queued") throw new Error(`child-${i}: ${result.status}`);
  process.stdout.write(`committed child-${i}\n`);
}
