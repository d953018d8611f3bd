import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { callFilterOptions } from "@/app/_server/calls/call-filter-options";
import { callQueryFields, callQuerySchema } from "@/app/_server/calls/call-query";
import { listCalls } from "@/app/_server/calls/list-calls";
import { AppShell } from "@/components/app-shell";
import { CallFiltersForm } from "@/components/calls/call-filters-form";
import { CallTable } from "@/components/calls/call-table";
import "@/components/calls/calls.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calls");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const filterNames = Object.keys(callQueryFields.shape).filter((name) => name !== "limit");

/** Server-rendered log, newest first, a keyset page at a time. A filter that does not parse is dropped (and named) rather than failing the page. */
export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePageSession("call.view", "/calls");
  const params = await searchParams;
  const raw: Record<string, string> = {};
  for (const name of filterNames) {
    const value = params[name];
    const one = Array.isArray(value) ? value[0] : value;
    if (one !== undefined && one !== "") raw[name] = one;
  }
  const parsed = callQuerySchema.safeParse(raw);
  const invalid = parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? "")))];
  const kept = Object.fromEntries(Object.entries(raw).filter(([name]) => !invalid.includes(name)));
  const query = callQuerySchema.safeParse(kept).data ?? callQuerySchema.parse({});
  const { calls, nextAfter } = await listCalls(query);
  const { after: _after, limit: _limit, ...filters } = query;
  const options = await callFilterOptions(filters);
  const t = await getTranslations("calls");
  const filterParams = new URLSearchParams(Object.entries(kept).filter(([name]) => name !== "after"));

  return (
    <AppShell session={session}>
      <div className="stack">
        <h1>{t("title")}</h1>
        <div className="muted">{t("help")}</div>
        {invalid.length > 0 && (
          <div className="alert error" data-testid="call-filters-invalid">
            {t("invalidFilters", { fields: invalid.join(", ") })}
          </div>
        )}
        <CallFiltersForm filters={filters} options={options} exportHref={`/api/calls/export?${filterParams.toString()}`} />
        <div className="card">
          <CallTable calls={calls} />
        </div>
        <div className="row">
          <span className="muted">{t("pageSize", { count: calls.length })}</span>
          {query.after !== undefined && <Link href={`/calls?${filterParams.toString()}`}>{t("newest")}</Link>}
          {nextAfter !== null && (
            <Link href={`/calls?${new URLSearchParams([...filterParams, ["after", nextAfter]]).toString()}`} data-testid="calls-older">
              {t("older")} →
            </Link>
          )}
        </div>
      </div>
    </AppShell>
  );
}
