import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { Prisma } from "@/prisma/generated/client";

export interface LatestCall {
  id: string;
  startedAt: string;
  outcome: string | null;
}

const rowSchema = z.object({ flowId: z.string(), id: z.string(), startedAt: z.date(), outcome: z.string().nullable() });

/** The newest real call of each flow (the flow list's "recent calls" column): one index probe per flow. */
export async function latestCallsByFlow(flowIds: readonly string[], db: PrismaClient = prisma()): Promise<Map<string, LatestCall>> {
  if (flowIds.length === 0) return new Map();
  const rows = z.array(rowSchema).parse(
    await db.$queryRaw(Prisma.sql`
      SELECT f."id" AS "flowId", c."id", c."startedAt", c."outcome"
      FROM "Flow" f
      CROSS JOIN LATERAL (
        SELECT e."id", e."startedAt", e."outcome" FROM "CallExecution" e
        WHERE e."flowId" = f."id" AND e."testCallPlanId" IS NULL
        ORDER BY e."startedAt" DESC, e."id" DESC LIMIT 1
      ) c
      WHERE f."id" IN (${Prisma.join(flowIds)})`),
  );
  return new Map(rows.map((row) => [row.flowId, { id: row.id, startedAt: row.startedAt.toISOString(), outcome: row.outcome }]));
}
