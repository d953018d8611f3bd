"use client";

import { useTranslations } from "next-intl";
import type { ReviewEntryPoints } from "@/app/_server/reviews/review-entry-points";
import { EntryPointName } from "./entry-point-name";

/** Which phone numbers the candidate changes, and which ones reach the flow once it is published. */
export function EntryPointChanges({ entryPoints }: { entryPoints: ReviewEntryPoints }) {
  const t = useTranslations("readableReview");
  const { added, removed } = entryPoints.changes;
  return (
    <section className="card stack" style={{ padding: 16 }} data-testid="review-entry-points">
      <h2 style={{ margin: 0 }}>{t("numbersTitle")}</h2>
      {added.length === 0 && removed.length === 0 ? (
        <div className="muted">{t("numbersUnchanged")}</div>
      ) : (
        <ul className="diff-summary">
          {added.map((ref) => (
            <li key={`+${ref.kind}:${ref.value}`} className="diff-after" data-testid="entry-point-added">
              {t("numberAdded")} <EntryPointName kind={ref.kind} value={ref.value} />
            </li>
          ))}
          {removed.map((ref) => (
            <li key={`-${ref.kind}:${ref.value}`} className="diff-before" data-testid="entry-point-removed">
              {t("numberRemoved")} <EntryPointName kind={ref.kind} value={ref.value} />
            </li>
          ))}
        </ul>
      )}
      <div className="muted small">
        {entryPoints.afterPublish.length === 0 ? t("numbersNoneAfter") : t("numbersAfter")}{" "}
        {entryPoints.afterPublish.map((ref, index) => (
          <span key={`${ref.kind}:${ref.value}`}>
            {index > 0 && t("listSeparator")}
            <EntryPointName kind={ref.kind} value={ref.value} />
          </span>
        ))}
      </div>
    </section>
  );
}
