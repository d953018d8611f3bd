import { migrateGraph } from "@/flows-runtime/graph/migrations";
import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { flowFileFormat, flowFileFormatVersion, type FlowFile } from "./flow-file";
import { loadFlow } from "./load-flow";

export interface ExportedFlow {
  fileName: string;
  file: FlowFile;
}

/** File names keep letters of any script (Chinese flow names) but nothing a file system or header chokes on. */
function fileNameFor(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").trim().slice(0, 100);
  return `${safe || "flow"}.flow.json`;
}

export async function exportFlow(actor: Session, flowId: string, db: PrismaClient = prisma()): Promise<ExportedFlow> {
  const flow = await loadFlow(db, actor, flowId, "flow.export", { allowDeleted: true });
  const { draftGraph } = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftGraph: true } });
  return {
    fileName: fileNameFor(flow.name),
    file: {
      format: flowFileFormat,
      formatVersion: flowFileFormatVersion,
      exportedAt: new Date().toISOString(),
      flow: { name: flow.name, kind: flow.kind },
      graph: migrateGraph(draftGraph),
    },
  };
}
