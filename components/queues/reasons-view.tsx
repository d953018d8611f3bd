"use client";

import { useTranslations } from "next-intl";
import type { ReasonView } from "@/app/_server/queues/manage-reasons";
import { CodedNamesView } from "./coded-names-view";

export function ReasonsView({ reasons }: { reasons: ReasonView[] }) {
  const t = useTranslations("queues");
  return <CodedNamesView rows={reasons} route="/api/queues/reasons" testIdPrefix="reason" createLabel={t("createReason")} emptyLabel={t("emptyReasons")} />;
}
