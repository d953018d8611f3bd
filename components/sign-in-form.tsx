"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** `failedBefore`: next-auth sent the browser back with ?error= (a sign-in attempt without JavaScript). */
export function SignInForm({ returnTo, failedBefore }: { returnTo: string; failedBefore: boolean }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<"credentials" | "throttled" | "network" | null>(failedBefore ? "credentials" : null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl: returnTo }).catch(() => undefined);
    if (result?.ok) {
      router.replace(returnTo);
      router.refresh();
      return;
    }
    setBusy(false);
    // 429: app/api/auth/[...nextauth]/route.ts (throttled account or address, or too many checks queued).
    if (result?.status === 429 || result?.error === "SignInThrottled" || result?.error === "SignInBusy") setError("throttled");
    else setError(result?.error === "CredentialsSignin" || result?.status === 401 ? "credentials" : "network");
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        {t("email")}
        <input type="email" name="email" autoComplete="username" value={email} onChange={(event) => setEmail(event.target.value)} required autoFocus />
      </label>
      <label>
        {t("password")}
        <input type="password" name="password" autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} required />
      </label>
      {error && (
        <div className="alert error" role="alert">
          {t(error === "credentials" ? "wrongCredentials" : error === "throttled" ? "tooManyAttempts" : "signInFailed")}
        </div>
      )}
      <button type="submit" className="primary" disabled={busy} style={{ justifyContent: "center" }}>
        {busy ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}
