import { withSession } from "@/app/_server/auth/require-session";
import { listQueueNames } from "@/app/_server/queues/manage-queues";

/** For the designer: every role that edits drafts may read which queues exist. */
export const GET = withSession("flow.editDraft", async () => Response.json({ queues: await listQueueNames() }, { headers: { "cache-control": "no-store" } }));
