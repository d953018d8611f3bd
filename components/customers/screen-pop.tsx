"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { z } from "zod";
import { apiRequest } from "@/components/api-request";
import { InteractionList } from "./interaction-list";
import { CustomerFacts } from "./customer-profile";

const names = z.object({ name: z.string(), displayNameZh: z.string(), displayNameEn: z.string() });
const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberLevel: z.string().nullable(),
  tags: z.array(z.string()),
  timeZone: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  phones: z.array(z.string()),
  updatedAt: z.string(),
});
const interactionSchema = z.object({
  callId: z.string(),
  arrivedAt: z.number(),
  queue: names.nullable(),
  waitedMs: z.number(),
  talkedMs: z.number().nullable(),
  agentName: z.string().nullable(),
  disposition: z.string().nullable(),
  note: z.string().nullable(),
  callerNumber: z.string().nullable(),
  variables: z.record(z.string(), z.string()),
  ivrPath: z.array(z.string()),
  executionId: z.string().nullable(),
  recordings: z.array(z.object({ id: z.string(), url: z.string() })),
});
const popSchema = z.object({
  pop: z.object({
    callId: z.string(),
    callerNumber: z.string().nullable(),
    customer: customerSchema.nullable(),
    lastInteractions: z.array(interactionSchema),
    reason: z.object({ queue: names.nullable(), priority: z.number(), language: z.string().nullable(), skills: z.array(names.extend({ minProficiency: z.number() })) }),
    ivrPath: z.array(z.string()),
  }),
});
type Pop = z.infer<typeof popSchema>["pop"];
const fieldsSchema = z.object({ fields: z.array(z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string(), type: z.enum(["text", "number", "date", "choice"]), options: z.array(z.string()), required: z.boolean(), position: z.number() })) });

/**
 * Shown while the call rings, before the agent answers: who calls (profile, tags, last calls), what
 * they did in the IVR, and why the call came to this agent. Loaded once per call.
 */
/** `context`: what the call carries (caller, IVR variables); when it changes (written after the offer) the pop is loaded again. */
export function ScreenPop({ callId, context }: { callId: string; context: string }) {
  const t = useTranslations("customers");
  const locale = useLocale();
  const [pop, setPop] = useState<Pop | null>(null);
  const [fields, setFields] = useState<z.infer<typeof fieldsSchema>["fields"]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    setPop(null);
    setFailed(false);
    void Promise.all([apiRequest(`/api/customers/screen-pop/${encodeURIComponent(callId)}`), apiRequest("/api/customers/fields")]).then(([popResult, fieldResult]) => {
      if (!current) return;
      const parsed = popResult.ok ? popSchema.safeParse(popResult.data) : null;
      if (parsed?.success) setPop(parsed.data.pop);
      else setFailed(true);
      const parsedFields = fieldResult.ok ? fieldsSchema.safeParse(fieldResult.data) : null;
      if (parsedFields?.success) setFields(parsedFields.data.fields);
    });
    return () => {
      current = false;
    };
  }, [callId, context]);
  const name = (entry: z.infer<typeof names>) => (locale === "en" ? entry.displayNameEn : entry.displayNameZh);
  if (failed) return <div className="muted" data-testid="screen-pop-failed">{t("popUnavailable")}</div>;
  if (pop === null) return <div className="muted" data-testid="screen-pop-loading">{t("popLoading")}</div>;
  return (
    <section className="stack" data-testid="screen-pop" data-customer-id={pop.customer?.id ?? ""}>
      <h3>{t("popCustomer")}</h3>
      {pop.customer === null ? (
        <div className="muted" data-testid="screen-pop-unknown">{t("unknownCaller")}</div>
      ) : (
        <div className="row">
          <CustomerFacts customer={pop.customer} fields={fields} />
          <Link href={`/customers/${encodeURIComponent(pop.customer.id)}`} target="_blank">
            {t("openProfile")}
          </Link>
        </div>
      )}
      <h3>{t("popWhy")}</h3>
      <div className="row" data-testid="screen-pop-why">
        <span>
          {t("queue")}
          {locale === "en" ? ": " : "："}
          <span data-user-data>{pop.reason.queue === null ? "—" : name(pop.reason.queue)}</span>
        </span>
        <span>{t("priority", { priority: pop.reason.priority })}</span>
        {pop.reason.skills.length > 0 && (
          <span>
            {t("skills")}
            {locale === "en" ? ": " : "："}
            <span data-user-data>{pop.reason.skills.map(name).join("、")}</span>
          </span>
        )}
      </div>
      {pop.ivrPath.length > 0 && (
        <div className="muted small" data-testid="screen-pop-path">
          {t("ivrPath")}
          {locale === "en" ? ": " : "："}
          <span data-user-data>{pop.ivrPath.join(" → ")}</span>
        </div>
      )}
      {pop.customer !== null && (
        <>
          <h3>{t("lastInteractions")}</h3>
          <InteractionList interactions={pop.lastInteractions} showRecordings={false} />
        </>
      )}
    </section>
  );
}
