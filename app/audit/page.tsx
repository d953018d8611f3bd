import { z } from "zod";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { auditActionMessageKeys, auditActions, auditTargetTypes } from "@/app/_server/audit/audit-actions";
import { auditNames, type AuditNames } from "@/app/_server/audit/audit-names";
import type { AuditEntryView } from "@/app/_server/audit/list-audit";
import { auditQuerySchema, listAudit } from "@/app/_server/audit/list-audit";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { listUsers } from "@/app/_server/users/list-users";
import { AppShell } from "@/components/app-shell";
import { AuditDetails } from "@/components/audit/audit-details";
import { dateTimeFormat } from "@/components/date-format";


/** What an entry is about, by name: the flow, then the version, person or number within it (the id only when nothing names it). */
async function AuditTarget({ entry, names, typeName }: { entry: AuditEntryView; names: AuditNames; typeName: string }) {
  const t = await getTranslations("audit");
  const flowName = entry.flowId === null ? undefined : names.flows[entry.flowId];
  const versionNumber = entry.targetType === "version" ? names.versions[entry.targetId] : entry.targetType === "review" ? names.reviews[entry.targetId] : undefined;
  const named =
    entry.targetType === "user"
      ? names.users[entry.targetId]
      : entry.targetType === "apiToken"
        ? names.apiTokens[entry.targetId]
        : entry.targetType === "entryPoint" || entry.targetType === "account"
          ? entry.targetId.replace(/^(did|stasis-arg):/, "")
          : versionNumber === undefined
            ? undefined
            : t(entry.targetType === "review" ? "values.review" : "values.version", { number: versionNumber });
  return (
    <div data-testid="audit-target">
      {entry.flowId !== null && (
        <div>
          <Link href={`/history/${encodeURIComponent(entry.flowId)}`}>{flowName ?? entry.flowId}</Link>
        </div>
      )}
      <div className={entry.flowId === null ? undefined : "muted small"}>{named === undefined || entry.targetType === "flow" ? typeName : entry.targetType === "entryPoint" || entry.targetType === "account" ? `${typeName} · ${named}` : named}</div>
      {named === undefined && entry.targetType !== "flow" && (
        <div className="muted small">
          <code>{entry.targetId}</code>
        </div>
      )}
    </div>
  );
}

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
  const raw = { actorId: first(params.actorId), action: first(params.action), flowId: first(params.flowId), flowName: first(params.flowName), from: first(params.from), to: first(params.to), before: first(params.before) };
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { entries, nextBefore } = await listAudit(query);
  const names = await auditNames(entries);
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
            <input type="search" name="flowName" defaultValue={query.flowName ?? ""} placeholder={t("flowPlaceholder")} data-testid="audit-flow-name" />
            {query.flowId !== undefined && <input type="hidden" name="flowId" value={query.flowId} />}
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
                      {(entry.actorId !== null && names.users[entry.actorId]) || entry.actorName}
                      {entry.apiTokenId && <div className="muted small">{t("viaToken")}</div>}
                    </td>
                    <td>{actionName(entry.action)}</td>
                    <td>
                      <AuditTarget entry={entry} names={names} typeName={targetName(entry.targetType)} />
                    </td>
                    <td>
                      <AuditDetails details={entry.details} names={names} />
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
