"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";

const cannedSchema = z.object({ cannedHttp: z.object({ status: z.number() }) });

/** In a test call's trace: this HTTP request node got its canned answer instead of sending the request. */
export function CannedAnswerNote({ detail }: { detail: unknown }) {
  const t = useTranslations("testCases");
  const canned = cannedSchema.safeParse(detail);
  if (!canned.success) return null;
  return (
    <span className="trace-canned" data-testid="trace-canned">
      {t("cannedAnswer", { status: canned.data.cannedHttp.status })}
    </span>
  );
}
