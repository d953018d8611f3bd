import { z } from "zod";

const promptItemSchema = z.object({ kind: z.string(), text: z.string(), language: z.string().optional() });

export const testCallViewSchema = z.object({
  callId: z.string(),
  state: z.enum(["starting", "running", "ended"]),
  outcome: z.string().nullable(),
  error: z.string().nullable(),
  activeNodeId: z.string().nullable(),
  visitedNodeIds: z.array(z.string()),
  takenPorts: z.array(z.object({ nodeId: z.string(), port: z.string() })),
  variables: z.record(z.string(), z.unknown()),
  prompts: z.array(z.object({ at: z.string(), nodeId: z.string().nullable(), items: z.array(promptItemSchema) })),
  steps: z.array(
    z.object({
      seq: z.number(),
      nodeId: z.string(),
      nodeType: z.string(),
      label: z.string().nullable(),
      enteredAt: z.string(),
      durationMs: z.number(),
      port: z.string().nullable(),
      input: z.string().nullable(),
      varsChanged: z.unknown(),
      error: z.string().nullable(),
      detail: z.unknown().optional(),
    }),
  ),
});
export type TestCallView = z.infer<typeof testCallViewSchema>;

export const testCallResponseSchema = z.object({ testCall: testCallViewSchema });
export const startedResponseSchema = z.object({ testCall: z.object({ callId: z.string(), testPlanId: z.string() }) });
