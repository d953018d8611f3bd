import { z } from "zod";

/** One step of a caller script. Durations are simulated milliseconds (scaled by timeScale). */
export const ScriptStepSchema = z.union([
  /** "next": the next PlaybackStarted not yet consumed by an earlier wait; {started: n}: the n-th (1-based). */
  z.strictObject({ waitForPlayback: z.union([z.literal("next"), z.strictObject({ started: z.number().int().positive() })]) }),
  /** Waits until the playback matched by the last waitForPlayback (or the first one) has finished. */
  z.strictObject({ waitForPlaybackFinished: z.literal(true) }),
  z.strictObject({ press: z.string().regex(/^[0-9A-Da-d*#]$/), durationMs: z.number().int().positive().optional() }),
  z.strictObject({
    pressSequence: z.string().regex(/^[0-9A-Da-d*#]+$/),
    gapMs: z.number().int().nonnegative().optional(),
    durationMs: z.number().int().positive().optional(),
  }),
  z.strictObject({ wait: z.number().nonnegative() }),
  /** The caller speaks for this long (recordings hear talking, not silence). */
  z.strictObject({ talk: z.number().positive() }),
  z.strictObject({ hangup: z.literal(true) }),
  z.strictObject({ waitForAnswer: z.literal(true) }),
  /** Waits until the channel leaves Stasis (continue or hangup). */
  z.strictObject({ expectStasisEnd: z.literal(true) }),
  /** Waits until the application (or anyone) hangs the channel up. */
  z.strictObject({ expectHangup: z.literal(true) }),
]);
export type ScriptStep = z.infer<typeof ScriptStepSchema>;

export const CallScriptSchema = z.strictObject({
  steps: z.array(ScriptStepSchema),
  /** Overall limit in real milliseconds; the caller hangs up when it passes. */
  timeoutMs: z.number().int().positive().optional(),
});
export type CallScript = z.infer<typeof CallScriptSchema>;
