import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { readAgentDesk } from "@/app/_server/queues/agent-desk";
import { listDispositions } from "@/app/_server/queues/manage-dispositions";
import { listReasons } from "@/app/_server/queues/manage-reasons";
import { AppShell } from "@/components/app-shell";
import { AgentDeskView } from "@/components/queues/agent-desk";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agentDesk");
  return { title: t("title") };
}

export default async function AgentPage() {
  const session = await requirePageSession("signed-in", "/agent");
  if (session.role !== "agent") forbidden();
  const t = await getTranslations("agentDesk");
  const [desk, reasons, dispositions] = await Promise.all([readAgentDesk(session.userId), listReasons(), listDispositions()]);
  return (
    <AppShell session={session}>
      {desk === null ? (
        <div className="stack">
          <h1>{t("title")}</h1>
          <div className="alert warning" data-testid="desk-no-profile">
            {t("notAnAgent")}
          </div>
        </div>
      ) : (
        <AgentDeskView reasons={reasons} dispositions={dispositions} />
      )}
    </AppShell>
  );
}
