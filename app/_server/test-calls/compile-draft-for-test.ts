import { compileGraph } from "@/flows-runtime/compiler/compile";
import { flowKindSchema } from "@/flows-runtime/graph/schema";
import type { Plan } from "@/flows-runtime/plan/schema";
import type { PrismaClient } from "@/prisma/client";
import type { AppLocale } from "@/app/_i18n/locales";
import { requireIvrFor } from "@/app/_server/flows/callable-kind";
import { invalidGraph } from "@/app/_server/flows/graph-issues";
import { readHttpPolicy } from "@/app/_server/http-allow-list/read-http-policy";
import { readKnownQueues } from "@/app/_server/queues/read-known-queues";

/** The flow's current draft compiled for a test call; refused when not an IVR, and with every issue when it cannot run. */
export async function compileDraftForTest(db: PrismaClient, flowId: string, locale: AppLocale): Promise<{ plan: Plan; graph: unknown }> {
  const { draftGraph, kind } = await db.flow.findUniqueOrThrow({ where: { id: flowId }, select: { draftGraph: true, kind: true } });
  requireIvrFor("test-call", flowKindSchema.parse(kind));
  const published = await db.flow.findMany({ where: { liveVersionId: { not: null }, deletedAt: null }, select: { id: true } });
  // A test call runs the unreviewed draft with the real activities: the same HTTP allow-list applies.
  const compiled = compileGraph(draftGraph, { knownFlowIds: published.map((flow) => flow.id), httpPolicy: await readHttpPolicy(db), knownQueues: await readKnownQueues(db) });
  if (!compiled.ok) throw invalidGraph(compiled.issues, locale, "The draft cannot be test-called until its problems are fixed.");
  return { plan: compiled.plan, graph: draftGraph };
}
