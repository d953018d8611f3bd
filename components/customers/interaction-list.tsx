"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { Interaction } from "@/app/_server/customers/customer-interactions";
import { dateTimeFormat } from "@/components/date-format";
import { formatDuration } from "@/components/queues/format-duration";

/** A customer's calls with agents, newest first: when, queue, wait, agent, disposition, note, IVR path and variables, recordings. */
export function InteractionList({ interactions, showRecordings }: { interactions: Interaction[]; showRecordings: boolean }) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const format = useFormatter();
  if (interactions.length === 0) return <div className="muted" data-testid="interactions-empty">{t("noInteractions")}</div>;
  return (
    <ol className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="interactions">
      {interactions.map((call) => (
        <li key={call.callId} className="card" style={{ padding: 12 }} data-testid="interaction">
          <div className="row">
            <strong>{format.dateTime(new Date(call.arrivedAt), dateTimeFormat)}</strong>
            <span data-user-data>{call.queue === null ? "—" : locale === "en" ? call.queue.displayNameEn : call.queue.displayNameZh}</span>
            <span className="muted">{t("waitedFor", { duration: formatDuration(call.waitedMs) })}</span>
            {call.talkedMs !== null && <span className="muted">{t("talkedFor", { duration: formatDuration(call.talkedMs) })}</span>}
            <span>{t("agentName")}{locale === "en" ? ": " : "："}<span data-user-data>{call.agentName ?? "—"}</span></span>
            {call.disposition !== null && <span className="badge" data-user-data data-testid="interaction-disposition">{call.disposition}</span>}
          </div>
          {call.note !== null && <div data-user-data data-testid="interaction-note">{call.note}</div>}
          {call.ivrPath.length > 0 && (
            <div className="muted small">
              {t("ivrPath")}
              {locale === "en" ? ": " : "："}
              <span data-user-data>{call.ivrPath.join(" → ")}</span>
            </div>
          )}
          {Object.keys(call.variables).length > 0 && (
            <div className="muted small" data-user-data>
              {Object.entries(call.variables).map(([key, value]) => `${key}=${value}`).join("  ")}
            </div>
          )}
          {showRecordings && call.recordings.map((recording) => <audio key={recording.id} controls preload="none" src={recording.url} />)}
        </li>
      ))}
    </ol>
  );
}
