import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listAgents } from "@/app/_server/queues/manage-agents";
import { listSkills } from "@/app/_server/queues/manage-skills";
import { AgentsView } from "@/components/queues/agents-view";
import { AppShell } from "@/components/app-shell";
import { QueuesSubnav } from "@/components/queues/queues-subnav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queues");
  return { title: t("agentsTitle") };
}

export default async function AgentsPage() {
  // The administrator's, like users and the HTTP allow-list.
  const session = await requirePageSession("user.manage", "/admin/queues/agents");
  const [agents, skills] = await Promise.all([listAgents(), listSkills()]);
  const t = await getTranslations("queues");
  return (
    <AppShell session={session}>
      <div className="stack">
        <QueuesSubnav current="agents" />
        <h1>{t("agentsTitle")}</h1>
        <div className="muted">{t("agentsHelp")}</div>
        <AgentsView agents={agents} skills={skills} />
      </div>
    </AppShell>
  );
}
