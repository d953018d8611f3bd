import { graphSchema, type Graph } from "@/flows-runtime/graph/schema";
import { migrateGraph } from "@/flows-runtime/graph/migrations";
import { planSchema } from "@/flows-runtime/plan/schema";
import { prisma, type PrismaClient } from "@/prisma/client";
import { callNotFound } from "./call-errors";
import { callDurationSeconds } from "./call-row";
import { callStory, changesOf, type HeardPrompt, type HttpCall } from "./call-story";
import { subflowIdsInTrace, subflowPlans } from "./subflow-plans";

export interface CallDetailStep {
  seq: number;
  nodeId: string;
  /** Null for a step of the call's own flow. */
  subflowId: string | null;
  subflowName: string | null;
  stepId: string;
  nodeType: string;
  label: string | null;
  enteredAt: string;
  durationMs: number;
  port: string | null;
  input: string | null;
  varsChanged: Record<string, { before: unknown; after: unknown }>;
  error: string | null;
  detail: unknown;
  heard: HeardPrompt[];
  http: HttpCall | null;
}

export interface CallDetailRecording {
  id: string;
  nodeId: string;
  name: string;
  format: string;
  durationSeconds: number;
  createdAt: string;
  /** The app's route that streams the file from Asterisk. */
  fileUrl: string;
}

export interface CallDetail {
  id: string;
  flowId: string;
  flowName: string | null;
  versionId: string | null;
  versionNumber: number | null;
  /** A designer test call (runs a draft snapshot, not a version). */
  test: boolean;
  caller: string;
  dialed: string;
  language: string;
  channelId: string;
  startedAt: string;
  endedAt: string | null;
  durationSeconds: number | null;
  outcome: string | null;
  error: string | null;
  lastNodeId: string | null;
  handover: unknown;
  /** The graph of the version the call ran, for the read-only canvas (null if unreadable). */
  graph: Graph | null;
  steps: CallDetailStep[];
  recordings: CallDetailRecording[];
}

/** One call with its trace, prompts heard, HTTP requests and recordings. Permission (call.view) is checked by the route or page. */
export async function getCall(callId: string, db: PrismaClient = prisma()): Promise<CallDetail> {
  const row = await db.callExecution.findUnique({
    where: { id: callId },
    include: {
      steps: { orderBy: { seq: "asc" } },
      recordings: { orderBy: { createdAt: "asc" } },
      flowVersion: { select: { number: true, graph: true, plan: true, flow: { select: { name: true } } } },
      testCallPlan: { select: { graph: true, plan: true } },
    },
  });
  if (row === null) throw callNotFound(callId);
  const source = row.flowVersion ?? row.testCallPlan;
  const plan = planSchema.safeParse(source?.plan);
  const graph = graphSchema.safeParse(migrateGraph(source?.graph));
  const flowName = row.flowVersion?.flow.name ?? (await db.flow.findUnique({ where: { id: row.flowId }, select: { name: true } }))?.name ?? null;

  let story: ReturnType<typeof callStory> = [];
  let subflows: Awaited<ReturnType<typeof subflowPlans>> = {};
  if (plan.success) {
    const mainIds = new Set(Object.keys(plan.data.steps));
    const ids = subflowIdsInTrace(
      row.steps.map((step) => step.nodeId),
      mainIds,
    );
    const traced = new Map(ids.map((id) => [id, row.steps.filter((step) => step.nodeId.startsWith(`${id}:`)).map((step) => step.nodeId.slice(id.length + 1))]));
    subflows = await subflowPlans(db, ids, row.startedAt, traced);
    story = callStory({
      plans: { main: plan.data, subflows: Object.fromEntries(Object.values(subflows).map((sub) => [sub.flowId, sub.plan])) },
      steps: row.steps,
      callVars: { caller: row.caller, dialed: row.dialed, id: row.channelId, language: "", startedAt: row.startedAt.toISOString() },
    });
  }
  const storyBySeq = new Map(story.map((entry) => [entry.seq, entry]));

  const steps = row.steps.map((step): CallDetailStep => {
    const entry = storyBySeq.get(step.seq);
    const subflowId = entry?.flowId ?? null;
    return {
      seq: step.seq,
      nodeId: step.nodeId,
      subflowId,
      subflowName: subflowId === null ? null : (subflows[subflowId]?.flowName ?? null),
      stepId: entry?.stepId ?? step.nodeId,
      nodeType: step.nodeType,
      label: step.label,
      enteredAt: step.enteredAt.toISOString(),
      durationMs: step.durationMs,
      port: step.port,
      input: step.input,
      varsChanged: changesOf(step),
      error: step.error,
      detail: step.detail,
      heard: entry?.heard ?? [],
      http: entry?.http ?? null,
    };
  });

  return {
    id: row.id,
    flowId: row.flowId,
    flowName,
    versionId: row.flowVersionId,
    versionNumber: row.flowVersion?.number ?? null,
    test: row.testCallPlanId !== null,
    caller: row.caller,
    dialed: row.dialed,
    language: row.language,
    channelId: row.channelId,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    durationSeconds: callDurationSeconds(row.startedAt, row.endedAt),
    outcome: row.outcome,
    error: row.error,
    lastNodeId: row.lastNodeId,
    handover: row.handover,
    graph: graph.success ? graph.data : null,
    steps,
    recordings: row.recordings.map((recording) => ({
      id: recording.id,
      nodeId: recording.nodeId,
      name: recording.name,
      format: recording.format,
      durationSeconds: recording.durationSeconds,
      createdAt: recording.createdAt.toISOString(),
      fileUrl: `/api/calls/${encodeURIComponent(row.id)}/recordings/${encodeURIComponent(recording.id)}/file`,
    })),
  };
}
