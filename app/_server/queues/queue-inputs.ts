import { z } from "zod";
import { recordingModeSchema } from "@/workers/queues/callback-settings";
import { keyNameSchema, queueActionSchema, queueHoursSchema } from "@/workers/queues/queue-settings";

const displayName = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
const id = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
const proficiency = z.number().int("must be 1 to 5").min(1, "must be 1 to 5").max(5, "must be 1 to 5");
const seconds = (max: number) => z.number().int("must be whole seconds").min(0, "must be a number of seconds").max(max, `must be at most ${max} seconds`);

export const skillInputSchema = z.object({ name: keyNameSchema, displayNameZh: displayName, displayNameEn: displayName });
export type SkillInput = z.infer<typeof skillInputSchema>;

export const reasonInputSchema = z.object({
  code: keyNameSchema,
  nameZh: displayName,
  nameEn: displayName,
  active: z.boolean().default(true),
});
export type ReasonInput = z.infer<typeof reasonInputSchema>;

export const queueInputSchema = z
  .object({
    name: keyNameSchema,
    displayNameZh: displayName,
    displayNameEn: displayName,
    requiredSkills: z.array(z.object({ skillId: id, minProficiency: proficiency })).max(20).default([]),
    /** null: always open. */
    hours: queueHoursSchema.nullable().default(null),
    serviceLevelPercent: z.number().int().min(1, "must be 1 to 100").max(100, "must be 1 to 100").default(80),
    serviceLevelSeconds: seconds(3600).default(20),
    maxWaiting: z.number().int().min(1, "must be 1 to 10000").max(10_000, "must be 1 to 10000").default(50),
    maxWaitSeconds: seconds(86_400).default(600),
    offerTimeoutSeconds: z.number().int().min(5, "must be 5 to 120 seconds").max(120, "must be 5 to 120 seconds").default(15),
    whenFull: queueActionSchema.default({ kind: "voicemail" }),
    whenClosed: queueActionSchema.default({ kind: "voicemail" }),
    /** A published routing flow that routes the queue's calls; null: the default routing (the queue, its own actions). */
    routingFlowId: id.nullable().default(null),
    /** Queued callback: offered in the announcements once a caller waited callbackAfterSeconds. */
    callbackEnabled: z.boolean().default(false),
    callbackAfterSeconds: seconds(86_400).default(60),
    callbackKey: z.string().regex(/^[0-9*#]$/, "must be one key: 0-9, * or #").default("1"),
    callbackRetries: z.number().int().min(0, "must be 0 to 5").max(5, "must be 0 to 5").default(2),
    callbackRetrySeconds: z.number().int().min(1, "must be 1 to 86400 seconds").max(86_400, "must be 1 to 86400 seconds").default(300),
    recording: recordingModeSchema.default("off"),
  })
  .superRefine((queue, ctx) => {
    for (const [field, action] of [["whenFull", queue.whenFull], ["whenClosed", queue.whenClosed]] as const) {
      if (action.kind === "queue" && action.queue === queue.name) ctx.addIssue({ code: "custom", path: [field, "queue"], message: "must be another queue" });
    }
    const skills = queue.requiredSkills.map((s) => s.skillId);
    if (new Set(skills).size !== skills.length) ctx.addIssue({ code: "custom", path: ["requiredSkills"], message: "names a skill twice" });
  });
export type QueueInput = z.infer<typeof queueInputSchema>;

export const agentProfileInputSchema = z.object({
  extension: z.string().trim().regex(/^[0-9]{2,10}$/, "must be 2 to 10 digits"),
  /** null: PJSIP/<extension>. */
  endpoint: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]+\/[A-Za-z0-9_.@:+-]{1,100}$/, "must be a dial string like PJSIP/1001")
    .nullable()
    .default(null),
  languages: z.array(z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, "must be a language code like zh or en")).max(10).default(["zh"]),
  maxVoiceCalls: z.literal(1, "must be 1 (one voice call at a time)").default(1),
  wrapUpSeconds: seconds(600).default(30),
  skills: z.array(z.object({ skillId: id, proficiency })).max(50).default([]),
});
export type AgentProfileInput = z.infer<typeof agentProfileInputSchema>;

export const ownAgentStateInputSchema = z
  .object({ state: z.enum(["offline", "available", "not_ready"]), reasonId: id.nullable().default(null) })
  .superRefine((input, ctx) => {
    if (input.state === "not_ready" && input.reasonId === null) ctx.addIssue({ code: "custom", path: ["reasonId"], message: "choose a reason" });
  });

export const dispositionCodeInputSchema = z.object({
  code: keyNameSchema,
  nameZh: displayName,
  nameEn: displayName,
  active: z.boolean().default(true),
});
export type DispositionCodeInput = z.infer<typeof dispositionCodeInputSchema>;

/** The agent's wrap-up of their last call: a disposition, a note, and what they are next. */
export const wrapUpInputSchema = z
  .object({
    /** The call the agent means: refused when it is not their last call (a newer one took its place). */
    callId: id,
    dispositionId: id,
    note: z.string().trim().max(2000, "must be at most 2000 characters").default(""),
    then: z.enum(["available", "not_ready"]).default("available"),
    reasonId: id.nullable().default(null),
  })
  .superRefine((input, ctx) => {
    if (input.then === "not_ready" && input.reasonId === null) ctx.addIssue({ code: "custom", path: ["reasonId"], message: "choose a reason" });
  });
export type WrapUpInput = z.infer<typeof wrapUpInputSchema>;

/** Decline the ringing offer, or hang up the connected call (answering is done on the phone). */
export const agentActionInputSchema = z.object({ callId: id, action: z.enum(["decline", "hangup"]) });
export type AgentActionInput = z.infer<typeof agentActionInputSchema>;
