import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signedInUserSchema, verifyCredentials } from "./verify-credentials";

/** A work shift: a stolen cookie stops working by the next day, and role changes apply within it. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  jwt: { maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials) => verifyCredentials(credentials),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is only present on sign-in: copy what the server needs on every request into the token.
      const signedIn = signedInUserSchema.safeParse(user);
      if (signedIn.success) {
        token.sub = signedIn.data.id;
        token.name = signedIn.data.name;
        token.email = signedIn.data.email;
        token.role = signedIn.data.role;
        token.locale = signedIn.data.locale;
      }
      return token;
    },
  },
};
