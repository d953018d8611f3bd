import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, canOnSomeKind } from "@/app/_server/auth/permissions";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { recentCalls } from "@/app/_server/calls/recent-calls";
import { pageResult } from "@/app/_server/http/page-result";
import { listVersions } from "@/app/_server/versions/list-versions";
import { AppShell } from "@/components/app-shell";
import { RecentCalls } from "@/components/calls/recent-calls";
import { VersionHistoryView } from "@/components/versions/version-history";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("versions");
  return { title: t("metaTitle") };
}

export default async function HistoryPage({ params }: { params: Promise<{ flowId: string }> }) {
  const { flowId } = await params;
  const session = await requirePageSession("flow.view", `/history/${encodeURIComponent(flowId)}`);
  const history = await pageResult(listVersions(session, flowId));
  const t = await getTranslations("versions");
  const kind = history.flow.kind;
  const calls = canOnSomeKind(session.role, "call.view") ? await recentCalls(flowId) : null;
  return (
    <AppShell session={session}>
      <div className="stack">
        <div className="row">
          <Link href="/flows">← {t("back")}</Link>
          <span className="spacer" />
          {!history.flow.deleted && (
            <Link className="button" href={`/flows/${encodeURIComponent(flowId)}`}>
              {t("openDesigner")}
            </Link>
          )}
        </div>
        <h1>{t("title", { name: history.flow.name })}</h1>
        <VersionHistoryView
          history={history}
          may={{ submit: can(session.role, "flow.submitReview", kind), publish: can(session.role, "flow.publish", kind), rollback: can(session.role, "flow.rollback", kind) }}
        />
        {calls !== null && <RecentCalls flowId={flowId} calls={calls} />}
      </div>
    </AppShell>
  );
}
