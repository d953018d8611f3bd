import { redirect } from "next/navigation";
import { canOnSomeKind } from "@/app/_server/auth/permissions";
import { requirePageSession } from "@/app/_server/auth/require-page-session";

/** Each role lands where its work is: agents on their desk; other roles without designer access on their account page. */
export default async function HomePage() {
  const session = await requirePageSession("signed-in", "/");
  redirect(session.role === "agent" ? "/agent" : canOnSomeKind(session.role, "flow.view") ? "/flows" : "/account");
}
