// next-auth's real route handler (and our credentials provider) called as a browser would. Only
// next/headers is replaced, because outside a Next server it has no request to read: next-auth
// require()s it at call time, and both resolve to the same CommonJS module, so replacing its exports
// here is what next-auth sees. Import this module before the route.
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { vi } from "vitest";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";

const nextHeadersModule = createRequire(import.meta.url)("next/headers");
let currentHeaders = new Headers();
vi.spyOn(nextHeadersModule, "headers").mockImplementation(async () => currentHeaders);
vi.spyOn(nextHeadersModule, "cookies").mockImplementation(async () => ({
  getAll: () =>
    (currentHeaders.get("cookie") ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => ({ name: part.slice(0, part.indexOf("=")), value: decodeURIComponent(part.slice(part.indexOf("=") + 1)) })),
}));

export function cookiesFrom(response: Response): Map<string, string> {
  return new Map(
    response.headers.getSetCookie().map((header) => {
      const [pair = ""] = header.split(";");
      const index = pair.indexOf("=");
      return [pair.slice(0, index), pair.slice(index + 1)];
    }),
  );
}

export interface AuthCallOptions {
  cookie?: string;
  form?: Record<string, string>;
  /** The client's address as scripts/web-server.ts passes it on (X-Forwarded-For = socket peer). */
  ip?: string;
}

export async function callAuth(method: "GET" | "POST", action: string, options: AuthCallOptions = {}): Promise<Response> {
  const headers = new Headers({ host: "localhost:3000" });
  if (options.cookie) headers.set("cookie", options.cookie);
  if (options.ip) headers.set("x-forwarded-for", options.ip);
  let body: string | undefined;
  if (options.form) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(options.form).toString();
  }
  currentHeaders = headers;
  const request = new NextRequest(`http://localhost:3000/api/auth/${action}`, { method, headers, body });
  const handler = method === "GET" ? authRoute.GET : authRoute.POST;
  return handler(request, { params: Promise.resolve({ nextauth: action.split("/") }) });
}

async function csrf(): Promise<{ csrfToken: string; csrfCookie: string }> {
  const response = await callAuth("GET", "csrf");
  const { csrfToken } = await response.json();
  return { csrfToken: String(csrfToken), csrfCookie: `next-auth.csrf-token=${cookiesFrom(response).get("next-auth.csrf-token")}` };
}

export interface SignInResult {
  status: number;
  sessionCookie: string | undefined;
  url: string;
  /** next-auth's `?error=` code, or null. */
  error: string | null;
}

export async function signIn(email: string, password: string, options: { ip?: string } = {}): Promise<SignInResult> {
  const { csrfToken, csrfCookie } = await csrf();
  const response = await callAuth("POST", "callback/credentials", { cookie: csrfCookie, form: { csrfToken, email, password, json: "true" }, ip: options.ip });
  const { url } = await response.json();
  return { status: response.status, sessionCookie: cookiesFrom(response).get("next-auth.session-token"), url: String(url), error: new URL(String(url)).searchParams.get("error") };
}

export async function signOut(sessionCookie: string): Promise<Response> {
  const { csrfToken, csrfCookie } = await csrf();
  return callAuth("POST", "signout", { cookie: `${csrfCookie}; next-auth.session-token=${sessionCookie}`, form: { csrfToken, json: "true" } });
}
