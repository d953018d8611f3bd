import { z } from "zod";
import type { AgentDesk } from "@/app/_server/queues/agent-desk";
import type { WallboardSnapshot } from "@/app/_server/queues/wallboard-stats";

// What the server pushes, checked in the browser (a stream is a boundary like any request).
const agentState = z.enum(["offline", "available", "offered", "on_call", "wrap_up", "not_ready"]);
const ms = z.number();

export const agentDeskSchema = z.object({
  state: agentState,
  reasonId: z.string().nullable(),
  since: ms,
  wrapUpUntil: ms.nullable(),
  dialString: z.string(),
  call: z
    .object({
      id: z.string(),
      status: z.enum(["waiting", "offered", "connected", "ended", "abandoned"]),
      queue: z.object({ name: z.string(), displayNameZh: z.string(), displayNameEn: z.string() }).nullable(),
      callerNumber: z.string().nullable(),
      callbackNumber: z.string().nullable().default(null),
      dialedNumber: z.string().nullable(),
      arrivedAt: ms,
      offeredAt: ms.nullable(),
      connectedAt: ms.nullable(),
      endedAt: ms.nullable(),
      variables: z.record(z.string(), z.string()),
      disposition: z.string().nullable(),
      wrapUpNote: z.string().nullable(),
    })
    .nullable(),
});

/** The agent page's event: the server's clock with the desk. */
export const agentDeskEventSchema = z.object({ at: ms, desk: agentDeskSchema.nullable() });

const byState = z.object({ available: z.number(), offered: z.number(), on_call: z.number(), wrap_up: z.number(), not_ready: z.number(), offline: z.number() });

export const wallboardSchema = z.object({
  at: ms,
  queues: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      displayNameZh: z.string(),
      displayNameEn: z.string(),
      waiting: z.number(),
      longestWaitingSince: ms.nullable(),
      longestWaitMs: z.number(),
      serviceLevel: z.object({ answeredWithinTarget: z.number(), offered: z.number(), percent: z.number().nullable(), targetPercent: z.number(), targetSeconds: z.number() }),
      answeredToday: z.number(),
      abandonedToday: z.number(),
      agentsByState: byState,
    }),
  ),
  agents: z.array(z.object({ id: z.string(), name: z.string(), state: agentState, reasonId: z.string().nullable(), since: ms, inStateMs: z.number(), callId: z.string().nullable() })),
  callsInProgress: z.array(z.object({ id: z.string(), queueId: z.string(), agentId: z.string().nullable(), agentName: z.string().nullable(), callerNumber: z.string().nullable(), connectedAt: ms })),
});

// The server's types must stay what these schemas accept (a compile error here says which drifted).
export const serverTypesMatch: [AgentDesk extends z.infer<typeof agentDeskSchema> ? true : false, WallboardSnapshot extends z.infer<typeof wallboardSchema> ? true : false] = [true, true];
