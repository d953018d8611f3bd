/**
 * A sign-in refused before the password was checked. The message is the code next-auth passes to the
 * client as `?error=`; app/api/auth/[...nextauth]/route.ts answers these with HTTP 429.
 */
export class SignInRefused extends Error {
  constructor(
    readonly code: "SignInThrottled" | "SignInBusy",
    readonly retryAfterSeconds: number,
  ) {
    super(code);
    this.name = "SignInRefused";
  }
}

export const signInRefusedCodes: readonly string[] = ["SignInThrottled", "SignInBusy"];
