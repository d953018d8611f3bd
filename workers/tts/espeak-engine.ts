import { TTS_MAX_CHARS } from "@/flows-runtime/nodes/shared/tts-languages";
import { espeakVoiceFor } from "./espeak-voices";
import { runPipeline } from "./run-pipeline";
import { TtsError, type TtsEngine } from "./tts-engine";
import { TELEPHONY_WAV, telephonyWav } from "./wav-format";

export interface EspeakEngineOptions {
  espeakPath?: string;
  soxPath?: string;
  /** Longer texts are refused (counted in Unicode code points). Default 2,000. */
  maxChars?: number;
  /** Whole synthesis + conversion; default 15 s. */
  timeoutMs?: number;
  /** Words per minute; espeak-ng's default is 175. */
  wordsPerMinute?: number;
}

/** 2,000 characters of speech is several minutes; more is a flow bug, not a prompt. */
const DEFAULT_MAX_CHARS = TTS_MAX_CHARS;
/** 10 minutes of 8 kHz 16-bit mono. */
const MAX_PCM_BYTES = 10 * 60 * 16_000;
// Control characters other than tab/newline would reach espeak-ng as text it may read as commands.
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/**
 * espeak-ng piped into sox: the text goes through stdin (never the command line, so it cannot be
 * read as an option), sox resamples to the telephony format and emits raw PCM; the WAV header is
 * written here because sox cannot fix the header lengths when writing to a pipe.
 */
export function createEspeakEngine(options: EspeakEngineOptions = {}): TtsEngine {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const wpm = options.wordsPerMinute ?? 175;
  return {
    id: `espeak-ng/wpm=${wpm}`,
    async synthesize(text, language, voice) {
      const clean = text.replace(CONTROL_CHARS, " ");
      if (clean.trim() === "") throw new TtsError("nothing to say: the text is empty");
      const length = [...clean].length;
      if (length > maxChars) throw new TtsError(`text is too long for speech (${length} characters; the maximum is ${maxChars})`);
      const espeakVoice = espeakVoiceFor(language, voice);
      const pcm = await runPipeline(
        [
          { command: options.espeakPath ?? "espeak-ng", args: ["--stdin", "-b", "1", "-v", espeakVoice, "-s", String(wpm), "--stdout"] },
          {
            command: options.soxPath ?? "sox",
            args: [
              "-G", // guards against clipping while resampling
              "-t", "wav", "-",
              "-t", "raw", "-e", "signed-integer", "-b", String(TELEPHONY_WAV.bitsPerSample),
              "-c", String(TELEPHONY_WAV.channels), "-r", String(TELEPHONY_WAV.sampleRate), "-L", "-",
            ],
          },
        ],
        clean,
        { timeoutMs, maxOutputBytes: MAX_PCM_BYTES },
      );
      if (pcm.length === 0) throw new TtsError("espeak-ng produced no audio");
      return telephonyWav(pcm);
    },
  };
}
