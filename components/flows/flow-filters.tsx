"use client";

import { useTranslations } from "next-intl";
import type { FlowKind } from "@/flows-runtime/graph/schema";

export interface FlowQuery {
  q: string;
  kind: FlowKind | "";
  includeDeleted: boolean;
}

/** A plain GET form: the server page renders the filtered list, so search works without JavaScript too. */
export function FlowFilters({ query, kinds, showDeletedToggle }: { query: FlowQuery; kinds: FlowKind[]; showDeletedToggle: boolean }) {
  const t = useTranslations("flows.filters");
  const tKinds = useTranslations("kinds");
  return (
    <form method="get" action="/flows" className="row" role="search">
      <input type="search" name="q" defaultValue={query.q} placeholder={t("searchPlaceholder")} aria-label={t("search")} maxLength={200} style={{ width: 260 }} />
      <select name="kind" defaultValue={query.kind} aria-label={t("kind")} onChange={(event) => event.currentTarget.form?.requestSubmit()}>
        <option value="">{t("allKinds")}</option>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {tKinds(`${kind}.name`)}
          </option>
        ))}
      </select>
      {showDeletedToggle && (
        <label className="inline">
          <input type="checkbox" name="includeDeleted" value="true" defaultChecked={query.includeDeleted} onChange={(event) => event.currentTarget.form?.requestSubmit()} />
          {t("showDeleted")}
        </label>
      )}
      <button type="submit">{t("submit")}</button>
    </form>
  );
}
