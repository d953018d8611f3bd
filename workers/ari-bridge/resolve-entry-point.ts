import type { PrismaClient } from "../../prisma/client";
import { TEST_CALL_ARG } from "./stasis-args";

export interface ResolvedEntry {
  flowId: string;
  flowVersionId: string | null;
  testPlanId?: string;
}

export type EntryResolver = (call: { args: string[]; dialed: string }) => Promise<ResolvedEntry | null>;

/** Stasis argument first (an Asterisk dialplan naming the flow's line), then the dialed number. */
export function createEntryResolver(prisma: PrismaClient): EntryResolver {
  return async ({ args, dialed }) => {
    if (args[0] === TEST_CALL_ARG && args[1]) {
      const snapshot = await prisma.testCallPlan.findUnique({ where: { id: args[1] }, select: { id: true, flowId: true } });
      return snapshot ? { flowId: snapshot.flowId, flowVersionId: null, testPlanId: snapshot.id } : null;
    }
    const candidates: { kind: string; value: string }[] = [];
    if (args[0]) candidates.push({ kind: "stasis-arg", value: args[0] });
    if (dialed) candidates.push({ kind: "did", value: dialed });
    for (const candidate of candidates) {
      const entry = await prisma.entryPoint.findUnique({
        where: { kind_value: candidate },
        select: { flow: { select: { id: true, liveVersionId: true, deletedAt: true } } },
      });
      const flow = entry?.flow;
      if (flow && flow.liveVersionId && flow.deletedAt === null) {
        return { flowId: flow.id, flowVersionId: flow.liveVersionId };
      }
    }
    return null;
  };
}
