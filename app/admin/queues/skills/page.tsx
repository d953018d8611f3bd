import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listSkills } from "@/app/_server/queues/manage-skills";
import { SkillsView } from "@/components/queues/skills-view";
import { AppShell } from "@/components/app-shell";
import { QueuesSubnav } from "@/components/queues/queues-subnav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queues");
  return { title: t("skillsTitle") };
}

export default async function SkillsPage() {
  // The administrator's, like users and the HTTP allow-list.
  const session = await requirePageSession("user.manage", "/admin/queues/skills");
  const skills = await listSkills();
  const t = await getTranslations("queues");
  return (
    <AppShell session={session}>
      <div className="stack">
        <QueuesSubnav current="skills" />
        <h1>{t("skillsTitle")}</h1>
        <div className="muted">{t("skillsHelp")}</div>
        <SkillsView skills={skills} />
      </div>
    </AppShell>
  );
}
