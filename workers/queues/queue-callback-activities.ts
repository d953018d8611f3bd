import { z } from "zod";
import type { PrismaClient } from "../../prisma/client";
import { requiredSkillsSchema } from "./load-match-state";
import { enqueueCall } from "./enqueue-call";

const id = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
/** A number to call back: what a phone keypad can send, as the trunk dials it. */
export const callbackNumberSchema = z.string().regex(/^\+?[0-9]{3,20}$/, "must be 3 to 20 digits");
export const callbackStatusSchema = z.enum(["waiting", "calling", "connected", "retried", "callback-failed"]);
export type CallbackStatus = z.infer<typeof callbackStatusSchema>;

const markInputSchema = z.object({ callId: id, number: callbackNumberSchema });
const statusInputSchema = z.object({ callId: id, status: callbackStatusSchema });
const recordingInputSchema = z.object({ callId: id, recordingName: z.string().min(1).max(200) });
const requeueInputSchema = z.object({ fromCallId: id, newCallId: id });

export type RequeueResult = { status: "queued"; callId: string } | { status: "refused"; reason: string };

/**
 * The queued callback's rows (README "Queues and agents"). The matcher does not know callbacks: a
 * callback row waits, is offered and connects like any other; these columns only say who to call.
 */
export function createQueueCallbackActivities(db: PrismaClient) {
  return {
    /** The caller chose a callback: the row keeps its place (arrival, priority); "gone" when it is no longer waiting. */
    async queueMarkCallback(input: z.input<typeof markInputSchema>): Promise<"ok" | "gone"> {
      const { callId, number } = markInputSchema.parse(input);
      const marked = await db.queuedCall.updateMany({
        where: { id: callId, status: { in: ["waiting", "offered"] } },
        data: { callbackNumber: number, callbackStatus: "waiting", callbackAttempt: 1 },
      });
      return marked.count === 1 ? "ok" : "gone";
    },
    async queueSetCallbackStatus(input: z.input<typeof statusInputSchema>): Promise<void> {
      const { callId, status } = statusInputSchema.parse(input);
      await db.queuedCall.update({ where: { id: callId }, data: { callbackStatus: status } });
    },
    /** A retry after the customer did not answer: a new row in the same queue, at the back, for the same number. */
    async queueRequeueCallback(input: z.input<typeof requeueInputSchema>): Promise<RequeueResult> {
      const { fromCallId, newCallId } = requeueInputSchema.parse(input);
      const from = await db.queuedCall.findUniqueOrThrow({ where: { id: fromCallId } });
      const queue = await db.queue.findUniqueOrThrow({ where: { id: from.queueId } });
      const required = requiredSkillsSchema.parse(from.requiredSkills);
      const skills = await db.skill.findMany({ where: { id: { in: required.map((s) => s.skillId) } } });
      const nameOf = new Map(skills.map((s) => [s.id, s.name]));
      const joined = await enqueueCall(db, {
        callId: newCallId,
        queue: queue.name,
        priority: from.priority,
        skills: required.flatMap((s) => {
          const name = nameOf.get(s.skillId);
          return name === undefined ? [] : [{ skill: name, minProficiency: s.minProficiency }];
        }),
        language: from.language,
        workflowId: from.workflowId,
        asteriskId: from.asteriskId,
        callerNumber: from.callerNumber,
        dialedNumber: from.dialedNumber,
        variables: z.record(z.string(), z.unknown()).parse(from.variables),
      });
      if (joined.status !== "queued") return { status: "refused", reason: joined.status };
      await db.queuedCall.update({
        where: { id: newCallId },
        data: { callbackNumber: from.callbackNumber, callbackStatus: "waiting", callbackAttempt: from.callbackAttempt + 1 },
      });
      return { status: "queued", callId: newCallId };
    },
    /** The conversation's recording (the call log lists it as a CallRecording of the call). */
    async queueSetRecording(input: z.input<typeof recordingInputSchema>): Promise<void> {
      const { callId, recordingName } = recordingInputSchema.parse(input);
      await db.queuedCall.update({ where: { id: callId }, data: { recordingName } });
    },
  };
}
