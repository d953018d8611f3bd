import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { getFlow } from "@/app/_server/flows/get-flow";
import { pageResult } from "@/app/_server/http/page-result";
import { diffFlow, diffQuerySchema } from "@/app/_server/versions/diff-flow";
import { diffLabels } from "@/app/_server/versions/diff-labels";
import type { DiffSide } from "@/app/_server/versions/graph-ref";
import { AppShell } from "@/components/app-shell";
import { DiffView } from "@/components/versions/diff-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("diff");
  return { title: t("metaTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePage({ params, searchParams }: { params: Promise<{ flowId: string }>; searchParams: SearchParams }) {
  const { flowId } = await params;
  const query = await searchParams;
  const session = await requirePageSession("flow.view", `/history/${encodeURIComponent(flowId)}/compare`);
  const parsed = diffQuerySchema.safeParse({ from: query.from || undefined, to: query.to || undefined });
  const refs = parsed.success ? parsed.data : { from: "live", to: "draft" };
  const locale = await getLocale();
  const flow = await pageResult(getFlow(session, flowId));
  const flowDiff = await pageResult(diffFlow(session, flowId, refs, locale));
  const t = await getTranslations("diff");
  const sideName = (side: DiffSide) =>
    side.ref === "draft" ? t("draft") : side.number === null ? t("nothingLive") : side.ref === "live" ? t("live", { number: side.number }) : t("version", { number: side.number });
  return (
    <AppShell session={session}>
      <div className="stack">
        <Link href={`/history/${encodeURIComponent(flowId)}`}>← {t("back")}</Link>
        <h1>{t("title", { name: flow.name })}</h1>
        <div className="row" data-testid="diff-sides">
          <span className="muted">{t("from")}</span> <strong>{sideName(flowDiff.from)}</strong>
          <span className="muted">{t("to")}</span> <strong>{sideName(flowDiff.to)}</strong>
        </div>
        <DiffView data={{ flowDiff, labels: diffLabels(flowDiff, locale) }} />
      </div>
    </AppShell>
  );
}
