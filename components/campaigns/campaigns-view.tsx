"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { z } from "zod";
import { AdminTable } from "@/components/admin/admin-table";
import { FieldRow, FormCard, TextField } from "@/components/admin/form-card";
import { useApiAction } from "@/components/admin/use-api-action";
import { apiRequest } from "@/components/api-request";
import { ErrorAlert } from "@/components/error-alert";
import { ContactImport } from "./contact-import";

export interface CampaignRow {
  id: string;
  name: string;
  state: "draft" | "running" | "paused" | "stopped" | "completed";
  counts: { contacts: number; done: number; dialed: number; answered: number; skipped: number; outcomes: number };
}

const refusalSchema = z.object({ issues: z.array(z.object({ code: z.string(), message: z.object({ en: z.string(), zh: z.string() }) })) });
const LIVE_REFRESH_MS = 3_000;

/** One contact a line: phone, then optionally name and IANA time zone, comma-separated. */
function contactsOf(text: string) {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const [phone = "", name = "", timeZone = ""] = line.split(",").map((part) => part.trim());
      return { phone, name: name === "" ? null : name, timeZone: timeZone === "" ? null : timeZone };
    });
}

export function CampaignsView({ campaigns, flows }: { campaigns: CampaignRow[]; flows: { id: string; name: string; published: boolean }[] }) {
  const t = useTranslations("campaigns");
  const locale = useLocale();
  const router = useRouter();
  const { error, clearError, run } = useApiAction();
  const [form, setForm] = useState({ name: "", flowId: flows[0]?.id ?? "", callerId: "" });
  const [contacts, setContacts] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<{ campaignId: string; messages: string[] } | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [importing, setImporting] = useState<string | null>(null);
  const importInto = campaigns.find((campaign) => campaign.id === importing && campaign.state === "draft");

  // Live counts while anything runs: the server page is read again.
  const live = campaigns.some((campaign) => campaign.state === "running" || campaign.state === "paused");
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => router.refresh(), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, router]);

  const start = async (campaignId: string) => {
    setRefusal(null);
    const result = await apiRequest(`/api/campaigns/${encodeURIComponent(campaignId)}/start`, { method: "POST" });
    if (result.ok) return router.refresh();
    const refused = refusalSchema.safeParse(result.error);
    if (refused.success) setRefusal({ campaignId, messages: refused.data.issues.map((issue) => (locale === "en" ? issue.message.en : issue.message.zh)) });
    else await run(`/api/campaigns/${encodeURIComponent(campaignId)}/start`, "POST");
  };
  const addContacts = async (campaignId: string) => {
    setAdded(null);
    const result = await apiRequest(`/api/campaigns/${encodeURIComponent(campaignId)}/contacts`, { method: "POST", body: { contacts: contactsOf(contacts[campaignId] ?? "") } });
    if (!result.ok) return run(`/api/campaigns/${encodeURIComponent(campaignId)}/contacts`, "POST", { contacts: contactsOf(contacts[campaignId] ?? "") });
    const summary = z.object({ added: z.number(), merged: z.number(), bad: z.array(z.object({ row: z.number(), field: z.enum(["phone", "timeZone"]) })) }).parse(result.data);
    // The server's messages are English; the rows name the field, which the UI says in its language.
    const problems = summary.bad.map((bad) => t("badRow", { row: bad.row, problem: bad.field === "phone" ? t("badPhone") : t("badTimeZone") }));
    setAdded([t("contactsAdded", { added: summary.added, merged: summary.merged, bad: summary.bad.length }), ...problems].join(" "));
    setContacts({ ...contacts, [campaignId]: "" });
    router.refresh();
  };
  const control = (campaignId: string, action: "pause" | "resume" | "stop") => void run(`/api/campaigns/${encodeURIComponent(campaignId)}/control`, "POST", { action });

  return (
    <div className="stack">
      {error && <ErrorAlert error={error} onDismiss={clearError} />}
      {refusal && (
        <div className="card" role="alert" data-testid="campaign-refusal" style={{ padding: 16 }}>
          <strong>{t("refused")}</strong>
          <ul>
            {refusal.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      {added && <div className="muted" data-testid="contacts-added">{added}</div>}
      <FormCard onSubmit={() => void run("/api/campaigns", "POST", { name: form.name, flowId: form.flowId, callerId: form.callerId === "" ? null : form.callerId }).then((ok) => ok && setForm({ ...form, name: "" }))}>
        <FieldRow>
          <TextField label={t("name")} value={form.name} onChange={(name) => setForm({ ...form, name })} data-testid="campaign-name" />
          <label>
            {t("flow")}
            <select value={form.flowId} onChange={(event) => setForm({ ...form, flowId: event.target.value })} data-testid="campaign-flow">
              {flows.map((flow) => (
                <option key={flow.id} value={flow.id}>
                  {flow.name}
                  {flow.published ? "" : ` ${t("unpublished")}`}
                </option>
              ))}
            </select>
          </label>
          <TextField label={t("callerId")} value={form.callerId} onChange={(callerId) => setForm({ ...form, callerId })} data-testid="campaign-caller-id" />
        </FieldRow>
        <div>
          <button type="submit" className="primary" disabled={flows.length === 0}>
            {t("create")}
          </button>
        </div>
      </FormCard>
      <AdminTable
        rows={campaigns}
        empty={t("empty")}
        headers={[t("name"), t("state"), t("contacts"), t("dialed"), t("answered"), t("outcomes"), t("done"), ""]}
        testId="campaign-table"
      >
        {(campaign) => (
          <tr key={campaign.id} data-testid="campaign-row">
            <td>{campaign.name}</td>
            <td>{t(`states.${campaign.state}`)}</td>
            <td>{campaign.counts.contacts}</td>
            <td>{campaign.counts.dialed}</td>
            <td>{campaign.counts.answered}</td>
            <td>{campaign.counts.outcomes}</td>
            <td>{campaign.counts.done}</td>
            <td className="stack">
              {campaign.state === "draft" && (
                <>
                  <textarea
                    aria-label={t("pasteContacts")}
                    placeholder={t("pasteContacts")}
                    rows={3}
                    value={contacts[campaign.id] ?? ""}
                    onChange={(event) => setContacts({ ...contacts, [campaign.id]: event.target.value })}
                    data-testid="campaign-contacts"
                  />
                  <div className="row">
                    <button type="button" onClick={() => void addContacts(campaign.id)}>
                      {t("addContacts")}
                    </button>
                    <button type="button" onClick={() => setImporting(campaign.id)} data-testid="campaign-import">
                      {t("importContacts")}
                    </button>
                    <button type="button" className="primary" onClick={() => void start(campaign.id)} data-testid="campaign-start">
                      {t("start")}
                    </button>
                  </div>
                </>
              )}
              {(campaign.state === "running" || campaign.state === "paused") && (
                <div className="row">
                  <button type="button" onClick={() => control(campaign.id, campaign.state === "running" ? "pause" : "resume")}>
                    {campaign.state === "running" ? t("pause") : t("resume")}
                  </button>
                  <button type="button" onClick={() => control(campaign.id, "stop")}>
                    {t("stop")}
                  </button>
                </div>
              )}
            </td>
          </tr>
        )}
      </AdminTable>
      {importInto && <ContactImport campaign={importInto} />}
    </div>
  );
}
