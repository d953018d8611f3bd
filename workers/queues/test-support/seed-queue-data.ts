import type { PrismaClient } from "../../../prisma/client";

export interface SeededAgent {
  id: string;
  extension: string;
}

/** Users with the agent role and their profiles (offline), for the runtime's tests and benchmark. */
export async function seedAgents(db: PrismaClient, count: number, options: { prefix?: string; skills?: Record<string, number>; wrapUpSeconds?: number; languages?: string[] } = {}): Promise<SeededAgent[]> {
  const prefix = options.prefix ?? "agent";
  const skills = options.skills ?? {};
  const agents: SeededAgent[] = [];
  for (let i = 0; i < count; i += 1) {
    const user = await db.user.create({ data: { email: `${prefix}${i}@example.test`, name: `${prefix} ${i}`, passwordHash: "-", role: "agent" } });
    const extension = `${prefix.length}${String(i).padStart(4, "0")}${Math.floor(Math.random() * 1e6)}`;
    await db.agentProfile.create({
      data: {
        userId: user.id,
        extension,
        languages: options.languages ?? ["zh"],
        wrapUpSeconds: options.wrapUpSeconds ?? 0,
        skills: { create: Object.entries(skills).map(([skillId, proficiency]) => ({ skillId, proficiency })) },
      },
    });
    agents.push({ id: user.id, extension });
  }
  return agents;
}

export async function seedQueue(db: PrismaClient, name: string, settings: { maxWaiting?: number; offerTimeoutSeconds?: number; requiredSkills?: { skillId: string; minProficiency: number }[] } = {}) {
  return db.queue.create({
    data: {
      name,
      displayNameZh: `${name}队列`,
      displayNameEn: `${name} queue`,
      maxWaiting: settings.maxWaiting ?? 1000,
      offerTimeoutSeconds: settings.offerTimeoutSeconds ?? 15,
      requiredSkills: settings.requiredSkills ?? [],
      whenFull: { kind: "voicemail" },
      whenClosed: { kind: "hangup" },
    },
  });
}
