import { z } from "zod";

const id = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
const instant = z.number().int().nonnegative();

export const requiredSkillSchema = z.object({
  skillId: id,
  minProficiency: z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5"),
});

export const enqueueCallSchema = z.object({
  id,
  queueId: id,
  priority: z.number().int().min(0, "must be 0 to 9").max(9, "must be 0 to 9"),
  requiredSkills: z.array(requiredSkillSchema).max(20),
  language: z.string().min(2).max(35).nullable(),
  preferredAgentId: id.nullable(),
  offerTimeoutMs: z.number().int().min(1000).max(600_000),
});
export type EnqueueCall = z.infer<typeof enqueueCallSchema>;

export const offerResultSchema = z.enum(["accepted", "declined", "no-answer"]);
export type OfferResult = z.infer<typeof offerResultSchema>;

/** What an agent may set themself; offered, on call and wrap-up are the matcher's. */
export const agentSetStateSchema = z.enum(["offline", "available", "not_ready"]);

/** Everything that changes the matcher's state. `at`: when it happened (epoch ms). */
export const queueEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("enqueue"), call: enqueueCallSchema, at: instant }),
  z.object({ type: z.literal("leave"), callId: id, at: instant }),
  z.object({ type: z.literal("offerResult"), callId: id, agentId: id, result: offerResultSchema, at: instant }),
  z.object({ type: z.literal("endCall"), callId: id, at: instant }),
  z.object({ type: z.literal("agentState"), agentId: id, state: agentSetStateSchema, reasonId: id.nullable(), at: instant }),
  z.object({ type: z.literal("tick"), at: instant }),
  /** A routing flow widens a waiting call in place (lower proficiency, another queue's skills): its arrival is kept. */
  z.object({ type: z.literal("retarget"), callId: id, queueId: id, requiredSkills: z.array(requiredSkillSchema).max(20), at: instant }),
]);
export type QueueEvent = z.infer<typeof queueEventSchema>;
