import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { canOnSomeKind } from "./permissions";
import { readSession } from "./read-session";
import type { Requirement } from "./require-session";
import type { Session } from "./session";

/**
 * Page guard for Server Components: redirects to the sign-in page without a session (coming back to
 * `returnTo` afterwards) and renders app/forbidden.tsx (HTTP 403) for a role without the requirement.
 */
export async function requirePageSession(requirement: Requirement, returnTo: string): Promise<Session> {
  const session = await readSession(await headers());
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (requirement !== "signed-in" && requirement !== "person" && !canOnSomeKind(session.role, requirement)) forbidden();
  return session;
}
