/**
 * A text-to-speech backend. Implementations return a complete WAV file in the telephony format
 * (see wav-format.ts); cloud engines plug in by implementing this interface.
 */
export interface TtsEngine {
  /** Part of the cache key: change it when the engine's output for the same input changes. */
  readonly id: string;
  synthesize(text: string, language: string, voice?: string): Promise<Buffer>;
}

/** An expected synthesis failure (unsupported language, text too long, engine crash or timeout). */
export class TtsError extends Error {
  override readonly name = "TtsError";
}
