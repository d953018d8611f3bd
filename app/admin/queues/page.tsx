import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listQueues, listRoutingFlows } from "@/app/_server/queues/manage-queues";
import { listSkills } from "@/app/_server/queues/manage-skills";
import { QueuesView } from "@/components/queues/queues-view";
import { AppShell } from "@/components/app-shell";
import { QueuesSubnav } from "@/components/queues/queues-subnav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queues");
  return { title: t("title") };
}

export default async function QueuesPage() {
  // The administrator's, like users and the HTTP allow-list.
  const session = await requirePageSession("user.manage", "/admin/queues");
  const [queues, skills, routingFlows] = await Promise.all([listQueues(), listSkills(), listRoutingFlows()]);
  const t = await getTranslations("queues");
  return (
    <AppShell session={session}>
      <div className="stack">
        <QueuesSubnav current="queues" />
        <h1>{t("title")}</h1>
        <div className="muted">{t("help")}</div>
        <QueuesView queues={queues} skills={skills} routingFlows={routingFlows} />
      </div>
    </AppShell>
  );
}
