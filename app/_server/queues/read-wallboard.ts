import { prisma, type PrismaClient } from "@/prisma/client";
import { timeZone } from "@/app/_i18n/time-zone";
import { requiredSkillsSchema } from "@/workers/queues/load-match-state";
import { computeWallboard, startOfDay, type WallboardSnapshot } from "./wallboard-stats";

const time = (d: Date | null) => (d === null ? null : d.getTime());

/** The rows the wallboard needs (today's calls, the active ones, agents and queues), computed into a snapshot. */
export async function readWallboard(db: PrismaClient = prisma(), now = Date.now()): Promise<WallboardSnapshot> {
  const dayStart = startOfDay(now, timeZone());
  const [queues, calls, agents] = await Promise.all([
    db.queue.findMany({ orderBy: { name: "asc" } }),
    db.queuedCall.findMany({
      where: { OR: [{ arrivedAt: { gte: new Date(dayStart) } }, { status: { in: ["waiting", "offered", "connected"] } }] },
      select: { id: true, queueId: true, status: true, arrivedAt: true, connectedAt: true, agentId: true, callerNumber: true },
    }),
    db.agentProfile.findMany({ where: { user: { deactivatedAt: null } }, include: { user: { select: { name: true } }, skills: true }, orderBy: { user: { name: "asc" } } }),
  ]);
  return computeWallboard({
    now,
    dayStart,
    queues: queues.map((q) => ({ ...q, requiredSkills: requiredSkillsSchema.parse(q.requiredSkills) })),
    calls: calls.map((c) => ({ ...c, arrivedAt: c.arrivedAt.getTime(), connectedAt: time(c.connectedAt) })),
    agents: agents.map((a) => ({
      id: a.userId,
      name: a.user.name,
      state: a.state,
      reasonId: a.stateReasonId,
      stateSince: a.stateSince.getTime(),
      skills: Object.fromEntries(a.skills.map((s) => [s.skillId, s.proficiency])),
      currentCallId: a.currentCallId,
    })),
  });
}
