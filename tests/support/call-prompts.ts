import type { DevStack } from "@/workers/dev-stack";

/** One play request as the caller heard it: TTS URLs replaced by "tts:<text>". */
export type HeardPrompt = string[];

/** The play requests of a call, in order, from the simulator's log. */
export async function promptsHeard(stack: DevStack, callId: string): Promise<HeardPrompt[]> {
  if (!stack.simulator) throw new Error("needs the simulator");
  const entries = await stack.simulator.control.log({ channelId: callId, kind: "playRequest" });
  return entries.map((entry) => {
    const media = Array.isArray(entry.media) ? entry.media.map(String) : [];
    return media.map((uri) => {
      const url = uri.startsWith("sound:http") ? uri.slice("sound:".length) : null;
      if (url === null) return uri;
      const tts = stack.ttsText(url);
      return tts ? `tts:${tts.text}` : uri;
    });
  });
}

/** Log entries of one kind for a channel. */
export async function logOf(stack: DevStack, callId: string, kind: string) {
  if (!stack.simulator) throw new Error("needs the simulator");
  return stack.simulator.control.log({ channelId: callId, kind });
}
