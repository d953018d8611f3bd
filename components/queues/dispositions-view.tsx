"use client";

import { useTranslations } from "next-intl";
import type { DispositionView } from "@/app/_server/queues/manage-dispositions";
import { CodedNamesView } from "./coded-names-view";

export function DispositionsView({ dispositions }: { dispositions: DispositionView[] }) {
  const t = useTranslations("queues");
  return <CodedNamesView rows={dispositions} route="/api/queues/dispositions" testIdPrefix="disposition" createLabel={t("createDisposition")} emptyLabel={t("emptyDispositions")} />;
}
