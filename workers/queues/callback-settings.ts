import { z } from "zod";

/** How a queue offers a queued callback (README "Queues and agents", queued callback). */
export const callbackSettingsSchema = z.object({
  afterSeconds: z.number().int().min(0).max(86_400),
  key: z.string().regex(/^[0-9*#]$/, "must be one key: 0-9, * or #"),
  retries: z.number().int().min(0).max(5),
  retrySeconds: z.number().int().min(1).max(86_400),
});
export type CallbackSettings = z.infer<typeof callbackSettingsSchema>;

/** off: never recorded; notify: the notice, then recorded; ask: recorded only when the caller presses 1 after the notice. */
export const recordingModeSchema = z.enum(["off", "notify", "ask"]);
export type RecordingMode = z.infer<typeof recordingModeSchema>;

export interface QueueCallbackColumns {
  callbackEnabled: boolean;
  callbackAfterSeconds: number;
  callbackKey: string;
  callbackRetries: number;
  callbackRetrySeconds: number;
}

/** The queue row's callback columns as the call workflow takes them; null when callbacks are off. */
export function callbackSettingsOf(queue: QueueCallbackColumns): CallbackSettings | null {
  if (!queue.callbackEnabled) return null;
  return callbackSettingsSchema.parse({ afterSeconds: queue.callbackAfterSeconds, key: queue.callbackKey, retries: queue.callbackRetries, retrySeconds: queue.callbackRetrySeconds });
}
