import { withSession } from "@/app/_server/auth/require-session";
import { eventStreamResponse, pushOnChange } from "@/app/_server/http/event-stream";
import { getAgentDesk, readAgentDesk } from "@/app/_server/queues/agent-desk";
import { onQueueChange } from "@/app/_server/queues/queue-changes";

export const dynamic = "force-dynamic";

/** Server-sent events: `desk` with the agent's state and call now and whenever it changes (403 not_an_agent). */
export const GET = withSession("signed-in", async ({ req, session }) => {
  await getAgentDesk(session);
  return eventStreamResponse(req.signal, (send) =>
    pushOnChange(() => readAgentDesk(session.userId), (desk) => send("desk", { at: Date.now(), desk }), onQueueChange, (error) => console.error("agent desk push failed", error)),
  );
});
