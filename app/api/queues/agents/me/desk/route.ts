import { withSession } from "@/app/_server/auth/require-session";
import { getAgentDesk } from "@/app/_server/queues/agent-desk";

/** The signed-in agent's state and their offered, connected or wrap-up call (403 not_an_agent). */
export const GET = withSession("signed-in", async ({ session }) => Response.json({ desk: await getAgentDesk(session) }));
