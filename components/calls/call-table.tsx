import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CallSummary } from "@/app/_server/calls/call-row";
import { CallOutcome } from "./call-outcome";
import { callTimeFormat } from "./date-format";

export async function CallTable({ calls }: { calls: CallSummary[] }) {
  const t = await getTranslations("calls");
  const format = await getFormatter();
  if (calls.length === 0) {
    return (
      <div className="muted" style={{ padding: 20 }} data-testid="calls-empty">
        {t("empty")}
      </div>
    );
  }
  return (
    <table className="data" data-testid="calls-table">
      <thead>
        <tr>
          <th>{t("time")}</th>
          <th>{t("flow")}</th>
          <th>{t("caller")}</th>
          <th>{t("dialed")}</th>
          <th>{t("duration")}</th>
          <th>{t("outcome")}</th>
          <th>{t("lastNode")}</th>
          <th>{t("recording")}</th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <tr key={call.id} data-testid="call-row" data-call-id={call.id} data-outcome={call.outcome ?? "running"}>
            <td>
              <Link href={`/calls/${encodeURIComponent(call.id)}`}>{format.dateTime(new Date(call.startedAt), callTimeFormat)}</Link>
            </td>
            <td>
              {call.flowName ?? call.flowId}
              {call.versionNumber !== null && <div className="muted small">{t("versionNumber", { number: call.versionNumber })}</div>}
            </td>
            <td>{call.caller}</td>
            <td>{call.dialed}</td>
            <td>{call.durationSeconds === null ? "—" : t("seconds", { value: format.number(call.durationSeconds, { maximumFractionDigits: 1 }) })}</td>
            <td>
              <CallOutcome outcome={call.outcome} />
            </td>
            <td>{call.lastNodeLabel ?? call.lastNodeId ?? "—"}</td>
            <td>{call.hasRecording ? <span className="badge">{t("hasRecording")}</span> : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
