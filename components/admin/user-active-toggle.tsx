"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";

/** Deactivates a user (their sessions and API tokens stop at once) or reactivates them. */
export function UserActiveToggle({ userId, active, disabled }: { userId: string; active: boolean; disabled: boolean }) {
  const t = useTranslations("adminUsers");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const toggle = async () => {
    setBusy(true);
    setError(null);
    const result = await apiRequest(`/api/users/${encodeURIComponent(userId)}`, { method: "PATCH", body: { active: !active } });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    router.refresh();
  };

  return (
    <div className="row" style={{ gap: 8 }}>
      {active ? <span className="badge live">{t("active")}</span> : <span className="badge deleted">{t("deactivated")}</span>}
      {!disabled && (
        <button type="button" className={active ? "link danger" : "link"} disabled={busy} onClick={() => void toggle()} data-testid="user-active-toggle">
          {t(active ? "deactivate" : "reactivate")}
        </button>
      )}
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
