import { z } from "zod";
import { apiRequest } from "@/components/api-request";

const queueNameSchema = z.object({ name: z.string(), displayNameZh: z.string(), displayNameEn: z.string() });
const responseSchema = z.object({ queues: z.array(queueNameSchema) });
export type QueueName = z.infer<typeof queueNameSchema>;

const FRESH_MS = 30_000;
let cached: { at: number; names: Promise<QueueName[] | null> } | null = null;

/**
 * The queues a transfer may name (`GET /api/queues/names`), null when they cannot be read. The form
 * and live validation ask together when a canvas opens: one request serves both for a short while.
 */
export function fetchQueueNames(): Promise<QueueName[] | null> {
  if (cached !== null && Date.now() - cached.at < FRESH_MS) return cached.names;
  const names = apiRequest("/api/queues/names").then((result) => {
    const parsed = result.ok ? responseSchema.safeParse(result.data) : null;
    return parsed?.success ? parsed.data.queues : null;
  });
  cached = { at: Date.now(), names };
  return names;
}
