import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { graphSchema } from "@/flows-runtime/graph/schema";
import { can } from "@/app/_server/auth/permissions";
import { requirePageSession } from "@/app/_server/auth/require-page-session";
import { getDraft, type Draft } from "@/app/_server/flows/get-draft";
import { AppError } from "@/app/_server/http/app-error";
import { Designer } from "@/components/designer/designer";

type Params = Promise<{ flowId: string }>;

async function loadDraft(flowId: string): Promise<Draft & { canSubmit: boolean; canPublish: boolean }> {
  const session = await requirePageSession("flow.view", `/flows/${encodeURIComponent(flowId)}`);
  try {
    const draft = await getDraft(session, flowId);
    return { ...draft, canSubmit: can(session.role, "flow.submitReview", draft.kind), canPublish: can(session.role, "flow.publish", draft.kind) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status === 403) forbidden();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations("designer");
  const { flowId } = await params;
  try {
    const draft = await loadDraft(flowId);
    return { title: draft.name };
  } catch {
    return { title: t("title") };
  }
}

export default async function FlowDesignerPage({ params }: { params: Params }) {
  const { flowId } = await params;
  const draft = await loadDraft(flowId);
  const t = await getTranslations("designer");
  const graph = graphSchema.safeParse(draft.graph);
  if (!graph.success) {
    return (
      <main className="page">
        <div className="alert error" role="alert">
          {t("unreadable")}
        </div>
      </main>
    );
  }
  return (
    <Designer
      draft={{
        flowId,
        name: draft.name,
        revision: draft.revision,
        graph: graph.data,
        editable: draft.editable,
        canSubmit: draft.canSubmit && draft.editable,
        canPublish: draft.canPublish && draft.deletedAt === null,
      }}
    />
  );
}
