import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listDispositions } from "@/app/_server/queues/manage-dispositions";
import { AppShell } from "@/components/app-shell";
import { DispositionsView } from "@/components/queues/dispositions-view";
import { QueuesSubnav } from "@/components/queues/queues-subnav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queues");
  return { title: t("dispositionsTitle") };
}

export default async function DispositionsPage() {
  const session = await requirePageSession("user.manage", "/admin/queues/dispositions");
  const dispositions = await listDispositions();
  const t = await getTranslations("queues");
  return (
    <AppShell session={session}>
      <div className="stack">
        <QueuesSubnav current="dispositions" />
        <h1>{t("dispositionsTitle")}</h1>
        <div className="muted">{t("dispositionsHelp")}</div>
        <DispositionsView dispositions={dispositions} />
      </div>
    </AppShell>
  );
}
