import { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret } from "./auth-secret";
import { sessionTokenSchema, type Session } from "./session";

/**
 * The signed-in user from the next-auth session cookie in these request headers, or null. Route
 * handlers and pages both come through here, so a test can sign in by sending a minted cookie.
 */
export async function readSession(headers: Headers): Promise<Session | null> {
  // Only the headers are copied: handing over a Request would consume its body.
  const req = new NextRequest("http://session.local/", { headers });
  const token = await getToken({ req, secret: authSecret() });
  const parsed = sessionTokenSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}
