import { z } from "zod";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { auditActionMessageKeys, auditActions, auditTargetTypes } from "@/app/_server/audit/audit-actions";
import { auditQuerySchema, listAudit } from "@/app/_server/audit/list-audit";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listUsers } from "@/app/_server/users/list-users";
import { AppShell } from "@/components/app-shell";
import { AuditDetails } from "@/components/audit/audit-details";
import { dateTimeFormat } from "@/components/date-format";


/** What an audit entry is about (AuditEntry.targetType), named in the UI's language. */
const targetTypeSchema = z.enum(auditTargetTypes);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return one === "" ? undefined : one;
}

/** Server-rendered: the filters are a GET form, so a filtered view is a link and the CSV export takes the same query. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePageSession("audit.view", "/audit");
  const params = await searchParams;
  const raw = { actorId: first(params.actorId), action: first(params.action), flowId: first(params.flowId), from: first(params.from), to: first(params.to), before: first(params.before) };
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { entries, nextBefore } = await listAudit(query);
  const users = await listUsers();
  const t = await getTranslations("audit");
  const tActions = await getTranslations("auditActions");
  const format = await getFormatter();
  const filters = new URLSearchParams(Object.entries({ ...raw, before: undefined }).flatMap(([key, value]) => (value === undefined ? [] : [[key, value]])));
  const targetName = (type: string) => {
    const known = targetTypeSchema.safeParse(type);
    return known.success ? t(`targetTypes.${known.data}`) : type;
  };
  const actionName = (action: string) => {
    const known = auditActions.find((candidate) => candidate === action);
    return known === undefined ? action : tActions(auditActionMessageKeys[known]);
  };

  return (
    <AppShell session={session}>
      <div className="stack">
        <h1>{t("title")}</h1>
        <div className="muted">{t("help")}</div>
        <form className="card row" style={{ padding: 12, alignItems: "flex-end" }} method="get" action="/audit" data-testid="audit-filters">
          <label>
            {t("actor")}
            <select name="actorId" defaultValue={query.actorId ?? ""}>
              <option value="">{t("anyone")}</option>
              {users.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name} ({user.email})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("action")}
            <select name="action" defaultValue={query.action ?? ""}>
              <option value="">{t("anyAction")}</option>
              {auditActions.map((action) => (
                <option key={action} value={action}>
                  {actionName(action)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("flow")}
            <input type="text" name="flowId" defaultValue={query.flowId ?? ""} placeholder={t("flowPlaceholder")} />
          </label>
          <label>
            {t("from")}
            <input type="date" name="from" defaultValue={query.from ?? ""} />
          </label>
          <label>
            {t("to")}
            <input type="date" name="to" defaultValue={query.to ?? ""} />
          </label>
          <button type="submit" className="primary">
            {t("filter")}
          </button>
          <a className="button" href={`/api/audit/export?${filters.toString()}`} download data-testid="audit-export">
            {t("export")}
          </a>
        </form>
        <div className="card">
          {entries.length === 0 ? (
            <div className="muted" style={{ padding: 20 }}>
              {t("empty")}
            </div>
          ) : (
            <table className="data" data-testid="audit-table">
              <thead>
                <tr>
                  <th>{t("time")}</th>
                  <th>{t("actor")}</th>
                  <th>{t("action")}</th>
                  <th>{t("target")}</th>
                  <th>{t("details")}</th>
                  <th>{t("ip")}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                    <td>{format.dateTime(new Date(entry.at), dateTimeFormat)}</td>
                    <td>
                      {entry.actorName}
                      {entry.apiTokenId && <div className="muted small">{t("viaToken")}</div>}
                    </td>
                    <td>{actionName(entry.action)}</td>
                    <td>
                      {entry.flowId ? <Link href={`/history/${encodeURIComponent(entry.flowId)}`}>{targetName(entry.targetType)}</Link> : targetName(entry.targetType)}
                      <div className="muted small">
                        <code>{entry.targetId}</code>
                      </div>
                    </td>
                    <td>
                      <AuditDetails details={entry.details} />
                    </td>
                    <td>{entry.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="row">
          {query.before !== undefined && <Link href={`/audit?${filters.toString()}`}>{t("newest")}</Link>}
          {nextBefore !== null && <Link href={`/audit?${new URLSearchParams([...filters, ["before", nextBefore]]).toString()}`}>{t("older")} →</Link>}
        </div>
      </div>
    </AppShell>
  );
}
