import { compileExpression, compileTemplate } from "./compile-source";
import type { MediaListConfig } from "./media";
import type { CompiledMediaList } from "./media-compiled";

export function compileMedia(list: MediaListConfig): CompiledMediaList {
  return list.map((item) => {
    switch (item.kind) {
      case "tts":
        return { kind: "tts", text: compileTemplate(item.text), language: item.language ?? null, voice: item.voice ?? null };
      case "sound":
        return { kind: "sound", name: item.name };
      case "digits":
        return { kind: "digits", value: compileTemplate(item.value) };
      case "number":
        return { kind: "number", value: compileExpression(item.value) };
    }
  });
}
