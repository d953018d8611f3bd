import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localeSchema } from "@/app/_i18n/locales";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { callCanvas } from "@/app/_server/calls/call-canvas";
import { getCall } from "@/app/_server/calls/get-call";
import { pageResult } from "@/app/_server/http/page-result";
import { AppShell } from "@/components/app-shell";
import { CallOutcome } from "@/components/calls/call-outcome";
import { CallView } from "@/components/calls/call-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calls.detail");
  return { title: t("metaTitle") };
}

export default async function CallPage({ params }: { params: Promise<{ callId: string }> }) {
  const { callId } = await params;
  const session = await requirePageSession("call.view", `/calls/${encodeURIComponent(callId)}`);
  const call = await pageResult(getCall(callId));
  const locale = localeSchema.parse(await getLocale());
  const t = await getTranslations("calls");
  const format = await getFormatter();
  const canvas = call.graph === null ? null : callCanvas(call.graph, { id: call.versionId, number: call.versionNumber }, locale);
  return (
    <AppShell session={session}>
      <div className="stack">
        <Link href="/calls">← {t("detail.back")}</Link>
        <div className="row">
          <h1 style={{ margin: 0 }}>{t("detail.title", { caller: call.caller, dialed: call.dialed })}</h1>
          <CallOutcome outcome={call.outcome} />
          {call.durationSeconds !== null && <span className="muted">{t("seconds", { value: format.number(call.durationSeconds, { maximumFractionDigits: 1 }) })}</span>}
        </div>
        <div className="row">
          <span className="muted">{t("detail.flowVersion")}</span>
          <Link href={`/history/${encodeURIComponent(call.flowId)}`}>{call.flowName ?? call.flowId}</Link>
          <span>{call.versionNumber === null ? t("detail.draftSnapshot") : t("versionNumber", { number: call.versionNumber })}</span>
          {call.test && <span className="badge">{t("detail.testCall")}</span>}
        </div>
        <CallView call={call} canvas={canvas} />
      </div>
    </AppShell>
  );
}
