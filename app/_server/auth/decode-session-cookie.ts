import { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret } from "./auth-secret";
import { sessionTokenSchema, type SessionToken } from "./session";

/** The signed, unexpired next-auth cookie in these request headers, decoded; null without one. */
export async function decodeSessionCookie(headers: Headers): Promise<SessionToken | null> {
  // Only the headers are copied: handing over a Request would consume its body.
  const req = new NextRequest("http://session.local/", { headers });
  const token = await getToken({ req, secret: authSecret() });
  const parsed = sessionTokenSchema.safeParse(token);
  return parsed.success ? parsed.data : null;
}
