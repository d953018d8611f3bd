import { getTranslations } from "next-intl/server";
import { callOutcomes } from "@/app/_server/calls/call-outcomes";
import type { CallFilters } from "@/app/_server/calls/call-query";
import type { CallFilterOptions } from "@/app/_server/calls/call-filter-options";

/** The log's filters as a GET form: a filtered view is a link, and the CSV export takes the same query. */
export async function CallFiltersForm({ filters, options, exportHref }: { filters: CallFilters; options: CallFilterOptions; exportHref: string }) {
  const t = await getTranslations("calls");
  return (
    <form className="card call-filters" method="get" action="/calls" data-testid="call-filters">
      <label>
        {t("from")}
        <input type="datetime-local" name="from" defaultValue={filters.from ?? ""} />
      </label>
      <label>
        {t("to")}
        <input type="datetime-local" name="to" defaultValue={filters.to ?? ""} />
      </label>
      <label>
        {t("flow")}
        <select name="flowId" defaultValue={filters.flowId ?? ""} data-testid="call-filter-flow">
          <option value="">{t("anyFlow")}</option>
          {options.flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("version")}
        <select name="versionId" defaultValue={filters.versionId ?? ""} disabled={options.versions.length === 0}>
          <option value="">{t("anyVersion")}</option>
          {options.versions.map((version) => (
            <option key={version.id} value={version.id}>
              {t("versionNumber", { number: version.number })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("caller")}
        <input type="text" name="caller" inputMode="tel" defaultValue={filters.caller ?? ""} placeholder={t("numberPlaceholder")} size={14} />
      </label>
      <label>
        {t("dialed")}
        <input type="text" name="dialed" inputMode="tel" defaultValue={filters.dialed ?? ""} placeholder={t("numberPlaceholder")} size={10} />
      </label>
      <label>
        {t("outcome")}
        <select name="outcome" defaultValue={filters.outcome ?? ""} data-testid="call-filter-outcome">
          <option value="">{t("anyOutcome")}</option>
          {callOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcomes.${outcome}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("minDuration")}
        <input type="number" name="minDuration" min={0} step={1} defaultValue={filters.minDuration ?? ""} style={{ width: 80 }} />
      </label>
      <label>
        {t("maxDuration")}
        <input type="number" name="maxDuration" min={0} step={1} defaultValue={filters.maxDuration ?? ""} style={{ width: 80 }} />
      </label>
      <label>
        {t("node")}
        {options.nodes.length > 0 ? (
          <select name="nodeId" defaultValue={filters.nodeId ?? ""} data-testid="call-filter-node">
            <option value="">{t("anyNode")}</option>
            {options.nodes.map((node) => (
              <option key={node.id} value={node.id}>
                {node.label === "" ? node.id : `${node.label} (${node.id})`}
              </option>
            ))}
          </select>
        ) : (
          <input type="text" name="nodeId" defaultValue={filters.nodeId ?? ""} placeholder={t("nodePlaceholder")} size={12} data-testid="call-filter-node" />
        )}
      </label>
      <label>
        {t("voicemail")}
        <select name="voicemail" defaultValue={filters.voicemail ?? ""} data-testid="call-filter-voicemail">
          <option value="">{t("voicemailAny")}</option>
          <option value="yes">{t("voicemailYes")}</option>
          <option value="no">{t("voicemailNo")}</option>
        </select>
      </label>
      <div className="row">
        <button type="submit" className="primary" data-testid="call-filter-submit">
          {t("filter")}
        </button>
        <a className="button link" href="/calls">
          {t("reset")}
        </a>
        <a className="button" href={exportHref} download data-testid="call-export">
          {t("export")}
        </a>
      </div>
    </form>
  );
}
