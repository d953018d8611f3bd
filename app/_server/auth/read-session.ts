import { prisma, type PrismaClient } from "@/prisma/client";
import { decodeSessionCookie } from "./decode-session-cookie";
import { loadAuthSession } from "./load-auth-session";
import type { Session } from "./session";

/**
 * The signed-in user from the next-auth session cookie in these request headers, or null. Route
 * handlers and pages both come through here: the cookie names a session row, checked on every request.
 */
export async function readSession(headers: Headers, db: PrismaClient = prisma()): Promise<Session | null> {
  const token = await decodeSessionCookie(headers);
  return token === null ? null : loadAuthSession(token, db);
}
