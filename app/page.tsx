import { redirect } from "next/navigation";
import { canOnSomeKind } from "@/app/_server/auth/permissions";
import { requirePageSession } from "@/app/_server/auth/require-page-session";

/** Each role lands where its work is; roles without designer access land on their account page. */
export default async function HomePage() {
  const session = await requirePageSession("signed-in", "/");
  redirect(canOnSomeKind(session.role, "flow.view") ? "/flows" : "/account");
}
