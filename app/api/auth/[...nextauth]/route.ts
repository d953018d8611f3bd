import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth/auth-options";
import { signInRefusedCodes } from "@/app/_server/auth/sign-in-refused";

const handler = NextAuth(authOptions);

/**
 * next-auth answers every refused credentials sign-in with 401 and `?error=<code>` in the JSON body's
 * url. A throttled or over-queued one (sign-in-refused.ts) becomes a 429, so clients and proxies can
 * tell "wait" from "wrong password".
 */
async function withTooManyRequests(req: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  const response = await handler(req, context);
  if (!new URL(req.url).pathname.endsWith("/callback/credentials") || !(response.headers.get("content-type") ?? "").includes("json")) return response;
  const body: unknown = await response.clone().json().catch(() => null);
  const url = typeof body === "object" && body !== null && "url" in body && typeof body.url === "string" ? body.url : "";
  const code = URL.canParse(url) ? new URL(url).searchParams.get("error") : null;
  if (code === null || !signInRefusedCodes.includes(code)) return response;
  return new Response(response.body, { status: 429, headers: response.headers });
}

export { handler as GET, withTooManyRequests as POST };
