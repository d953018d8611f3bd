import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { flowKindSchema } from "@/flows-runtime/graph/schema";
import { can, canOnSomeKind, flowActions } from "@/app/_server/auth/permissions";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { latestCallsByFlow } from "@/app/_server/calls/latest-calls-by-flow";
import { isFlowKindEnabled } from "@/app/_server/flows/flow-kinds";
import { listFlows, listFlowsLimit, listFlowsQuerySchema } from "@/app/_server/flows/list-flows";
import { AppShell } from "@/components/app-shell";
import type { FlowRow, KindOption } from "@/components/flows/flow-row";
import { FlowsView } from "@/components/flows/flows-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flows");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function FlowsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePageSession("flow.view", "/flows");
  const params = await searchParams;
  // A hand-edited URL with a bad filter shows the unfiltered list rather than an error page.
  const parsed = listFlowsQuerySchema.safeParse({ q: first(params.q) || undefined, kind: first(params.kind) || undefined, includeDeleted: first(params.includeDeleted) });
  const query = parsed.success ? parsed.data : {};
  const summaries = await listFlows(session, query);

  const latestCalls = canOnSomeKind(session.role, "call.view") ? await latestCallsByFlow(summaries.map((flow) => flow.id)) : null;
  const flows: FlowRow[] = summaries.map((flow) => ({
    ...flow,
    allowed: flowActions.filter((action) => can(session.role, action, flow.kind)),
    ...(latestCalls === null ? {} : { latestCall: latestCalls.get(flow.id) ?? null }),
  }));
  const kinds: KindOption[] = flowKindSchema.options.map((kind) => ({
    kind,
    available: isFlowKindEnabled(kind) && can(session.role, "flow.create", kind),
    comingLater: !isFlowKindEnabled(kind),
  }));

  return (
    <AppShell session={session}>
      <FlowsView
        flows={flows}
        kinds={kinds}
        filterKinds={flowKindSchema.options.filter((kind) => can(session.role, "flow.view", kind))}
        query={{ q: query.q ?? "", kind: query.kind ?? "", includeDeleted: query.includeDeleted ?? false }}
        canCreate={kinds.some((option) => option.available)}
        canImport={flowKindSchema.options.some((kind) => isFlowKindEnabled(kind) && can(session.role, "flow.import", kind))}
        showDeletedToggle={canOnSomeKind(session.role, "flow.restore")}
        limitReached={summaries.length >= listFlowsLimit}
      />
    </AppShell>
  );
}
