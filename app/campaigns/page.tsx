import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listCampaigns } from "@/app/_server/campaigns/manage-campaigns";
import { AppShell } from "@/components/app-shell";
import { CampaignsView } from "@/components/campaigns/campaigns-view";
import { prisma } from "@/prisma/client";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("campaigns");
  return { title: t("title") };
}

/** Campaigns with live counts; create one, add contacts, start (with the compliance check), pause, resume, stop. */
export default async function CampaignsPage() {
  const session = await requirePageSession("campaign.manage", "/campaigns");
  const db = prisma();
  const [campaigns, flows] = await Promise.all([
    listCampaigns(db),
    db.flow.findMany({ where: { kind: "campaign", deletedAt: null }, select: { id: true, name: true, liveVersionId: true }, orderBy: { name: "asc" } }),
  ]);
  const t = await getTranslations("campaigns");
  return (
    <AppShell session={session}>
      <div className="stack">
        <h1>{t("title")}</h1>
        <div className="muted">{t("help")}</div>
        <CampaignsView
          campaigns={campaigns.map((campaign) => ({ id: campaign.id, name: campaign.name, state: campaign.state, counts: campaign.counts }))}
          flows={flows.map((flow) => ({ id: flow.id, name: flow.name, published: flow.liveVersionId !== null }))}
        />
      </div>
    </AppShell>
  );
}
