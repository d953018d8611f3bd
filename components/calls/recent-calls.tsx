import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CallSummary } from "@/app/_server/calls/call-row";
import { CallTable } from "./call-table";

/** A flow's latest calls (its history page), with a link to all of them in the log. */
export async function RecentCalls({ flowId, calls }: { flowId: string; calls: CallSummary[] }) {
  const t = await getTranslations("calls.recent");
  return (
    <section className="card" data-testid="recent-calls">
      <div className="row" style={{ padding: "10px 12px 0" }}>
        <h2 style={{ fontSize: 15, margin: 0 }}>{t("title")}</h2>
        <span className="spacer" />
        <Link href={`/calls?flowId=${encodeURIComponent(flowId)}`} data-testid="recent-calls-all">
          {t("all")} →
        </Link>
      </div>
      {calls.length === 0 ? (
        <div className="muted" style={{ padding: 12 }}>
          {t("none")}
        </div>
      ) : (
        <CallTable calls={calls} />
      )}
    </section>
  );
}
