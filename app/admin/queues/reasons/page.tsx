import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listReasons } from "@/app/_server/queues/manage-reasons";
import { ReasonsView } from "@/components/queues/reasons-view";
import { AppShell } from "@/components/app-shell";
import { QueuesSubnav } from "@/components/queues/queues-subnav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queues");
  return { title: t("reasonsTitle") };
}

export default async function ReasonsPage() {
  // The administrator's, like users and the HTTP allow-list.
  const session = await requirePageSession("user.manage", "/admin/queues/reasons");
  const reasons = await listReasons();
  const t = await getTranslations("queues");
  return (
    <AppShell session={session}>
      <div className="stack">
        <QueuesSubnav current="reasons" />
        <h1>{t("reasonsTitle")}</h1>
        <div className="muted">{t("reasonsHelp")}</div>
        <ReasonsView reasons={reasons} />
      </div>
    </AppShell>
  );
}
