import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { callerIdForms } from "@/flows-runtime/nodes/lookup-customer/phone-number";

/** One call that reached an agent, as the customer's timeline shows it. */
export interface Interaction {
  callId: string;
  /** Epoch ms. */
  arrivedAt: number;
  queue: { name: string; displayNameZh: string; displayNameEn: string } | null;
  /** From arrival until the agent answered. */
  waitedMs: number;
  talkedMs: number | null;
  agentName: string | null;
  disposition: string | null;
  note: string | null;
  callerNumber: string | null;
  /** What the IVR collected (QueuedCall.variables as text), the customer object left out. */
  variables: Record<string, string>;
  /** Labels (else node types) of the IVR steps the call went through, in order. */
  ivrPath: string[];
  /** The call log's execution, for its page and recordings (supervisors). */
  executionId: string | null;
  recordings: { id: string; url: string }[];
}

const variablesSchema = z.record(z.string(), z.unknown()).catch({});
const asText = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** The caller ids under which a customer's calls may be stored. */
export function callerNumbersOf(phones: readonly string[]): string[] {
  return [...new Set(phones.flatMap(callerIdForms))];
}

/**
 * Queued calls that an agent answered, newest first, found by the caller number (in every form it
 * may have arrived in), or by a lookup node's customer id among the IVR's variables.
 */
export async function readInteractions(customerId: string, phones: readonly string[], limit: number, db: PrismaClient = prisma()): Promise<Interaction[]> {
  const calls = await db.queuedCall.findMany({
    where: {
      connectedAt: { not: null },
      OR: [{ callerNumber: { in: callerNumbersOf(phones) } }, { variables: { path: ["customer", "id"], equals: customerId } }],
    },
    orderBy: { arrivedAt: "desc" },
    take: limit,
  });
  if (calls.length === 0) return [];
  const callIds = calls.map((call) => call.id);
  const [queues, takers, executions] = await Promise.all([
    db.queue.findMany({ where: { id: { in: [...new Set(calls.map((call) => call.queueId))] } }, select: { id: true, name: true, displayNameZh: true, displayNameEn: true } }),
    db.agentStateChange.findMany({ where: { callId: { in: callIds }, state: "on_call" }, select: { callId: true, agentId: true } }),
    db.callExecution.findMany({
      where: { workflowId: { in: calls.flatMap((call) => (call.workflowId === null ? [] : [call.workflowId])) } },
      select: { id: true, workflowId: true, steps: { select: { label: true, nodeType: true }, orderBy: { seq: "asc" } }, recordings: { select: { id: true } } },
    }),
  ]);
  const agents = await db.user.findMany({ where: { id: { in: [...new Set(takers.map((taker) => taker.agentId))] } }, select: { id: true, name: true } });
  return calls.map((call) => {
    const agentId = takers.find((taker) => taker.callId === call.id)?.agentId;
    const execution = executions.find((candidate) => candidate.workflowId === call.workflowId);
    const queue = queues.find((candidate) => candidate.id === call.queueId);
    const connectedAt = call.connectedAt?.getTime() ?? call.arrivedAt.getTime();
    return {
      callId: call.id,
      arrivedAt: call.arrivedAt.getTime(),
      queue: queue === undefined ? null : { name: queue.name, displayNameZh: queue.displayNameZh, displayNameEn: queue.displayNameEn },
      waitedMs: connectedAt - call.arrivedAt.getTime(),
      talkedMs: call.endedAt === null ? null : call.endedAt.getTime() - connectedAt,
      agentName: agents.find((agent) => agent.id === agentId)?.name ?? null,
      disposition: call.disposition,
      note: call.wrapUpNote,
      callerNumber: call.callerNumber,
      variables: Object.fromEntries(Object.entries(variablesSchema.parse(call.variables)).filter(([key]) => key !== "customer").map(([key, value]) => [key, asText(value)])),
      ivrPath: execution === undefined ? [] : execution.steps.filter((step) => step.nodeType !== "start").map((step) => step.label ?? step.nodeType),
      executionId: execution?.id ?? null,
      recordings: execution === undefined ? [] : execution.recordings.map((recording) => ({ id: recording.id, url: `/api/calls/${execution.id}/recordings/${recording.id}/file` })),
    };
  });
}
