import { withSession } from "@/app/_server/auth/require-session";
import { listAgents } from "@/app/_server/queues/manage-agents";

export const GET = withSession("user.manage", async () => Response.json({ agents: await listAgents() }));
