import { withSession } from "@/app/_server/auth/require-session";
import { eventStreamResponse, pushOnChange } from "@/app/_server/http/event-stream";
import { onQueueChange } from "@/app/_server/queues/queue-changes";
import { readWallboard } from "@/app/_server/queues/read-wallboard";

export const dynamic = "force-dynamic";

/** Server-sent events: `wallboard` with a new snapshot now and after every change of calls or agents. */
export const GET = withSession("queue.monitor", async ({ req }) =>
  eventStreamResponse(req.signal, (send) =>
    pushOnChange(() => readWallboard(), (snapshot) => send("wallboard", snapshot), onQueueChange, (error) => console.error("wallboard push failed", error)),
  ),
);
