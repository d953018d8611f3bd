import { prisma, type PrismaClient } from "@/prisma/client";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError } from "@/app/_server/http/app-error";
import type { AgentStateName } from "@/workers/queues/match/match-model";
import { rematchWholeState } from "@/workers/queues/run-queue-event";
import type { AgentProfileInput } from "./queue-inputs";

export interface AgentView {
  userId: string;
  name: string;
  email: string;
  /** Null until an administrator gives the agent a profile (extension, skills…). */
  profile: (AgentProfileInput & { state: AgentStateName; stateReasonId: string | null; stateSince: string; dialString: string }) | null;
}

/** The dial string offers ring: the configured endpoint, else PJSIP/<extension>. */
export const dialStringOf = (profile: { endpoint: string | null; extension: string }) => profile.endpoint ?? `PJSIP/${profile.extension}`;

/** Every active user with the agent role, with their profile when they have one. */
export async function listAgents(db: PrismaClient = prisma()): Promise<AgentView[]> {
  const users = await db.user.findMany({
    where: { role: "agent", deactivatedAt: null },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    include: { agentProfile: { include: { skills: true } } },
  });
  return users.map((u) => {
    const p = u.agentProfile;
    return {
      userId: u.id,
      name: u.name,
      email: u.email,
      profile: p
        ? {
            extension: p.extension,
            endpoint: p.endpoint,
            languages: p.languages,
            maxVoiceCalls: 1,
            wrapUpSeconds: p.wrapUpSeconds,
            skills: p.skills.map((s) => ({ skillId: s.skillId, proficiency: s.proficiency })),
            state: p.state,
            stateReasonId: p.stateReasonId,
            stateSince: p.stateSince.toISOString(),
            dialString: dialStringOf(p),
          }
        : null,
    };
  });
}

/** Creates or replaces an agent's profile and skills (the state columns stay the matcher's). Audited. */
export async function setAgentProfile(actor: Session, userId: string, input: AgentProfileInput, db: PrismaClient = prisma()): Promise<{ userId: string; dialString: string }> {
  const saved = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new AppError(404, "agent_not_found", `User ${userId} does not exist.`, { value: userId });
    if (user.role !== "agent") throw new AppError(409, "not_an_agent", `${user.name} does not have the agent role.`, { value: user.name });
    const extensionOwner = await tx.agentProfile.findUnique({ where: { extension: input.extension } });
    if (extensionOwner && extensionOwner.userId !== userId) throw new AppError(409, "extension_taken", `Extension ${input.extension} belongs to another agent.`, { value: input.extension });
    const skillIds = input.skills.map((s) => s.skillId);
    if (new Set(skillIds).size !== skillIds.length) throw fieldError("skills", "names a skill twice");
    const known = await tx.skill.findMany({ where: { id: { in: skillIds } }, select: { id: true } });
    const missing = skillIds.findIndex((id) => !known.some((k) => k.id === id));
    if (missing >= 0) throw fieldError(`skills.${missing}.skillId`, "must be an existing skill");
    const before = await tx.agentProfile.findUnique({ where: { userId }, include: { skills: true } });
    const columns = { extension: input.extension, endpoint: input.endpoint, languages: input.languages, maxVoiceCalls: input.maxVoiceCalls, wrapUpSeconds: input.wrapUpSeconds };
    const row = await tx.agentProfile.upsert({ where: { userId }, create: { userId, ...columns }, update: columns });
    await tx.agentSkill.deleteMany({ where: { agentId: userId } });
    if (input.skills.length > 0) await tx.agentSkill.createMany({ data: input.skills.map((s) => ({ agentId: userId, skillId: s.skillId, proficiency: s.proficiency })) });
    await writeAudit(tx, actor, {
      action: "agentProfile.set",
      targetType: "agentProfile",
      targetId: userId,
      details: { name: user.name, before: before ? { ...columns, extension: before.extension, skills: before.skills.map((s) => ({ skillId: s.skillId, proficiency: s.proficiency })) } : null, after: input },
    });
    return { userId, dialString: dialStringOf(row) };
  });
  // New skills or languages may let an available agent take a call that already waits; the matcher
  // only looks at what its own events change, so it looks at everything once now.
  await rematchWholeState(db);
  return saved;
}

function fieldError(field: string, message: string): AppError {
  return new AppError(400, "invalid_input", `Invalid body: ${field}: ${message}`, { fields: [{ field, message }] });
}
