import { pretendSchema, type Pretend } from "../../flows-runtime/pretend/pretend-schema";
import type { PrismaClient } from "../../prisma/client";
import { withinMs } from "../persistence/within-ms";
import { entryPointKey, type EntryPointSnapshot } from "./entry-point-cache";
import { TEST_CALL_ARG } from "./stasis-args";

export interface ResolvedEntry {
  flowId: string;
  flowVersionId: string | null;
  testPlanId?: string;
  /** What the test call pretends (stored with its snapshot). */
  pretend?: Pretend;
}

export type EntryResolver = (call: { args: string[]; dialed: string }) => Promise<ResolvedEntry | null>;

export interface EntryResolverOptions {
  /** The bridge's copy of the entry points; answers when the database does not. */
  cache?: { current(): EntryPointSnapshot | null };
  /** How long the database may take before the copy answers (only with a cache). */
  databaseTimeoutMs?: number;
}

type Candidate = { kind: string; value: string };

/**
 * Stasis argument first (an Asterisk dialplan naming the flow's line), then the dialed number. The
 * database decides while it answers (a call placed right after a publish gets the new version); when
 * it does not, the cache does, so callers are still answered during a database outage.
 */
export function createEntryResolver(prisma: PrismaClient, options: EntryResolverOptions = {}): EntryResolver {
  const timeoutMs = options.databaseTimeoutMs ?? 1_500;
  return async ({ args, dialed }) => {
    if (args[0] === TEST_CALL_ARG && args[1]) {
      // A designer test call runs a draft snapshot made a moment ago: only the database has it.
      const snapshot = await prisma.testCallPlan.findUnique({ where: { id: args[1] }, select: { id: true, flowId: true, pretend: true } });
      if (!snapshot) return null;
      if (snapshot.pretend === null) return { flowId: snapshot.flowId, flowVersionId: null, testPlanId: snapshot.id };
      // Written by the app through the same schema. One that does not parse is refused: a test that
      // silently pretended nothing would report a wrong result.
      const parsed = pretendSchema.safeParse(snapshot.pretend);
      if (!parsed.success) return null;
      const pretend = parsed.data;
      return { flowId: snapshot.flowId, flowVersionId: null, testPlanId: snapshot.id, ...(pretend ? { pretend } : {}) };
    }
    const candidates: Candidate[] = [];
    if (args[0]) candidates.push({ kind: "stasis-arg", value: args[0] });
    if (dialed) candidates.push({ kind: "did", value: dialed });
    const cache = options.cache;
    if (!cache) return fromDatabase(prisma, candidates);
    try {
      return await withinMs(fromDatabase(prisma, candidates), timeoutMs, "entry point lookup");
    } catch (err) {
      const snapshot = cache.current();
      if (snapshot === null) throw err;
      return fromSnapshot(snapshot, candidates);
    }
  };
}

async function fromDatabase(prisma: PrismaClient, candidates: Candidate[]): Promise<ResolvedEntry | null> {
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
}

function fromSnapshot(snapshot: EntryPointSnapshot, candidates: Candidate[]): ResolvedEntry | null {
  for (const candidate of candidates) {
    const entry = snapshot.get(entryPointKey(candidate));
    if (entry) return { flowId: entry.flowId, flowVersionId: entry.flowVersionId };
  }
  return null;
}
