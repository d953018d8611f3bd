"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";

const handoverSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("queue"), queue: z.string(), skills: z.array(z.string()).optional(), priority: z.number().optional() }),
  z.object({ kind: z.literal("number"), number: z.string() }),
  z.object({ kind: z.literal("endpoint"), endpoint: z.string() }),
]);

/** Where the call went when it left the flow, in words; a shape this page does not know stays as stored. */
export function CallHandover({ handover }: { handover: unknown }) {
  const t = useTranslations("calls.detail.handoverTo");
  const parsed = handoverSchema.safeParse(handover);
  if (!parsed.success) return <code>{JSON.stringify(handover)}</code>;
  const target = parsed.data;
  if (target.kind === "number") return <span data-testid="call-handover">{t("number", { number: target.number })}</span>;
  if (target.kind === "endpoint") return <span data-testid="call-handover">{t("endpoint", { endpoint: target.endpoint })}</span>;
  const skills = target.skills ?? [];
  return (
    <span data-testid="call-handover">
      {t("queue", { queue: target.queue })}
      {skills.length > 0 && <span className="muted">{t("skills", { skills: skills.join(", ") })}</span>}
      {target.priority !== undefined && <span className="muted">{t("priority", { priority: target.priority })}</span>}
    </span>
  );
}
