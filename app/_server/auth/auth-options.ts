import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/prisma/client";
import { loadAuthSession } from "./load-auth-session";
import { revokeAuthSessions } from "./revoke-auth-sessions";
import { sessionTokenSchema } from "./session";
import { sessionLifetimeSeconds, startAuthSession } from "./start-auth-session";
import { signedInUserSchema, verifyCredentials } from "./verify-credentials";

/** The cookie's own expiry; the session row's absolute end (start-auth-session.ts) is what counts. */
export const sessionMaxAgeSeconds = sessionLifetimeSeconds;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  jwt: { maxAge: sessionMaxAgeSeconds },
  // Secure cookies whenever the app's public URL is https, also when TLS ends at a reverse proxy.
  useSecureCookies: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => verifyCredentials(credentials, { headers: req.headers ?? {} }),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // `user` is only present on sign-in: the token then names a new session row and nothing else
      // the server believes (role and name are read from the database on every request).
      const signedIn = signedInUserSchema.safeParse(user);
      if (signedIn.success) {
        token.sub = signedIn.data.id;
        token.sid = await startAuthSession(signedIn.data.id);
        token.name = signedIn.data.name;
        token.email = signedIn.data.email;
        return token;
      }
      // Renewing the cookie (GET /api/auth/session): a throw makes next-auth clear it instead.
      const parsed = sessionTokenSchema.safeParse(token);
      if (!parsed.success || (await loadAuthSession(parsed.data)) === null) throw new Error("The session has ended.");
      return token;
    },
  },
  events: {
    async signOut({ token }) {
      const parsed = sessionTokenSchema.safeParse(token);
      if (parsed.success) await revokeAuthSessions(prisma(), { sessionId: parsed.data.sid }, "signOut");
    },
  },
};
