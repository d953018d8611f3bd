import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listReasons } from "@/app/_server/queues/manage-reasons";
import { AppShell } from "@/components/app-shell";
import { WallboardView } from "@/components/queues/wallboard-view";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wallboard");
  return { title: t("title") };
}

/** Ops and administrators; `?big=1` is the big-screen mode (no header, large type) for a wall display. */
export default async function WallboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession("queue.monitor", "/wallboard");
  const big = (await searchParams).big === "1";
  const reasons = await listReasons();
  const board = <WallboardView big={big} reasons={reasons} />;
  return big ? board : <AppShell session={session}>{board}</AppShell>;
}
