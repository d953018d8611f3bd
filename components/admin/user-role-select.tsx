"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { roles, type AppRole } from "@/app/_server/auth/roles";
import { apiRequest, type ApiError } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";

export function UserRoleSelect({ userId, name, role, disabled }: { userId: string; name: string; role: AppRole; disabled: boolean }) {
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("roles");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<AppRole | null>(null);

  const change = async (next: AppRole) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    const result = await apiRequest(`/api/users/${encodeURIComponent(userId)}`, { method: "PATCH", body: { role: next } });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setSaved(next);
    router.refresh();
  };

  return (
    <div className="stack" style={{ gap: 4 }}>
      <select
        value={role}
        disabled={disabled || busy}
        aria-label={t("role")}
        data-testid="user-role"
        onChange={(event) => {
          const next = roles.find((candidate) => candidate === event.target.value);
          if (next) void change(next);
        }}
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {tRoles(option)}
          </option>
        ))}
      </select>
      {saved && <span className="small" style={{ color: "var(--success)" }}>{t("saved", { name, role: tRoles(saved) })}</span>}
      {error && <ErrorAlert error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
