"use client";

import { useTranslations } from "next-intl";

const entries = [
  ["added", "legendAdded"],
  ["removed", "legendRemoved"],
  ["changed", "legendChanged"],
  ["moved", "legendMoved"],
  ["ghost", "legendOldPosition"],
  ["unchanged", "legendUnchanged"],
] as const;

export function DiffLegend() {
  const t = useTranslations("diff");
  return (
    <div className="diff-legend" data-testid="diff-legend" aria-label={t("legend")}>
      <strong>{t("legend")}</strong>
      {entries.map(([status, key]) => (
        <span key={status}>
          <span className={`diff-swatch ${status}`} />
          {t(key)}
        </span>
      ))}
    </div>
  );
}
