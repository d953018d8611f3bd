import { validateGraph } from "@/flows-runtime/compiler/validate";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { AppLocale } from "@/app/_i18n/locales";
import { can } from "@/app/_server/auth/permissions";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { forbidden } from "@/app/_server/http/app-error";
import { assertKindAvailable } from "./create-flow";
import { flowFileFormat, flowFileSchema } from "./flow-file";
import { flowNameSchema } from "./flow-name";
import { flowSummarySelect, toFlowSummary, type FlowSummary } from "./flow-summary";
import { invalidGraph } from "./graph-issues";
import { toJsonObject } from "./to-json-object";
import { userNames } from "./user-names";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An exported flow file, or a bare graph (what the canvas or a script may produce). */
function unwrap(body: unknown): { graph: unknown; fileName: string | undefined } {
  if (isRecord(body) && body.format === flowFileFormat) {
    const file = flowFileSchema.safeParse(body);
    // A file that claims to be ours but is damaged: let the validator describe the graph inside it.
    return file.success ? { graph: file.data.graph, fileName: file.data.flow.name } : { graph: body.graph, fileName: undefined };
  }
  return { graph: body, fileName: undefined };
}

/**
 * Creates a flow from a file after the full validation a publish would do (subflow targets aside:
 * they may be imported later). Refused with every problem found; nothing is stored unless valid,
 * and the flow is created (with its audit entry) in one transaction, so a failure leaves nothing behind.
 */
export async function importFlow(actor: Session, body: unknown, locale: AppLocale, db: PrismaClient = prisma()): Promise<FlowSummary> {
  const { graph: raw, fileName } = unwrap(body);
  const result = validateGraph(raw);
  if (!result.ok) throw invalidGraph(result.issues, locale, "The file's flow has problems; nothing was imported.");
  const { graph } = result;
  if (!can(actor.role, "flow.import", graph.kind)) throw forbidden(`Your role may not import ${graph.kind} flows.`);
  assertKindAvailable(graph.kind);
  const name = flowNameSchema.safeParse(fileName ?? graph.name);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.flow.create({
      data: {
        name: name.success ? name.data : "Imported flow",
        kind: graph.kind,
        draftGraph: toJsonObject(graph),
        createdById: actor.userId,
        updatedById: actor.userId,
        // The importer brought the whole graph in: four eyes treats them as its editor.
        draftEditorIds: [actor.userId],
      },
      select: flowSummarySelect,
    });
    await writeAudit(tx, actor, { action: "flow.import", targetType: "flow", targetId: created.id, flowId: created.id, details: { name: created.name, kind: created.kind, nodes: graph.nodes.length } });
    return created;
  });
  return toFlowSummary(row, await userNames(db, [row.updatedById]));
}
