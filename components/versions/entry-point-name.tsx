"use client";

import { useTranslations } from "next-intl";

/** A number as a business admin reads it; a dialplan argument says what it is, with the technical term as a hint. */
export function EntryPointName({ kind, value }: { kind: string; value: string }) {
  const t = useTranslations("readableReview");
  if (kind === "did") return <span title={t("didHint")}>{value}</span>;
  return (
    <span title={t("stasisHint")}>
      {value} <span className="muted small">{t("dialplanArgument")}</span>
    </span>
  );
}
