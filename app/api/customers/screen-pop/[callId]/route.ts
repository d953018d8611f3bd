import { withSession } from "@/app/_server/auth/require-session";
import { readScreenPop } from "@/app/_server/customers/screen-pop";
import { paramFrom } from "@/app/_server/http/route-param";

/** The agent's own call only (offered, talking or ended): another agent's call is 404, checked in the domain. */
export const GET = withSession("signed-in", async ({ session, params }) => Response.json({ pop: await readScreenPop(session, paramFrom(params, "callId")) }));
