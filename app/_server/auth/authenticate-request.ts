import { authenticateApiToken } from "@/app/_server/api-tokens/authenticate-api-token";
import { AppError } from "@/app/_server/http/app-error";
import { readSession } from "./read-session";
import type { Session } from "./session";

const bearerPattern = /^Bearer\s+(\S+)\s*$/i;

/**
 * A bearer token, when one is sent, decides alone (no fallback to a cookie that may belong to someone
 * else); otherwise the next-auth session cookie. Null: not signed in.
 */
export async function authenticateRequest(headers: Headers): Promise<Session | null> {
  const authorization = headers.get("authorization");
  if (authorization === null) return readSession(headers);
  const token = bearerPattern.exec(authorization)?.[1];
  const session = token === undefined ? null : await authenticateApiToken(token);
  if (session === null) throw new AppError(401, "invalid_api_token", "The API token is unknown, expired or revoked.");
  return session;
}
