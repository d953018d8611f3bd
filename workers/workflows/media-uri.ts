import type { MediaItem } from "../../flows-runtime/interpreter/effects";

/** ARI media URI of a non-TTS item (TTS items become sound:<http URL of the synthesized file>, played through Asterisk's HTTP media cache). */
export function mediaUri(item: Exclude<MediaItem, { kind: "tts" }>): string {
  switch (item.kind) {
    case "sound":
      return `sound:${item.name}`;
    case "recording":
      return `recording:${item.name}`;
    case "digits":
      return `digits:${item.value}`;
    case "number":
      return `number:${item.value}`;
  }
}
