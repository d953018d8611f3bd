import { withSession } from "@/app/_server/auth/require-session";
import { readWallboard } from "@/app/_server/queues/read-wallboard";

/** The wallboard's snapshot now (ops and administrators). The page follows /events instead. */
export const GET = withSession("queue.monitor", async () => Response.json({ wallboard: await readWallboard() }));
