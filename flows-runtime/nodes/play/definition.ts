import type { NodeDefinition } from "../node-definition";
import { mediaExpressions } from "../shared/media";
import { mediaFormHints } from "../shared/media-form-hints";
import { portLabel } from "../shared/port-label";
import { playSchema, type PlayConfig } from "./schema";

export const playDefinition: NodeDefinition<PlayConfig> = {
  type: "play",
  kinds: ["ivr", "campaign"],
  category: "prompt",
  label: { en: "Play prompt", zh: "播放语音" },
  description: {
    en: "Plays text-to-speech, recorded sounds, digits or numbers to the caller.",
    zh: "向来电者播放语音合成文本、录音文件、数字串或数值。",
  },
  icon: "volume",
  schema: playSchema,
  defaults: () => ({ media: [{ kind: "tts", text: "" }], bargeIn: false }),
  ports: () => [{ id: "next", label: portLabel("next"), required: false }],
  expressions: (config) => mediaExpressions(config.media, ["media"]),
  writes: () => [],
  formHints: {
    ...mediaFormHints("media", { en: "Prompt", zh: "提示音" }),
    bargeIn: {
      widget: "switch",
      label: { en: "Caller can interrupt", zh: "允许按键打断" },
      help: { en: "A key press stops the prompt and is kept for the next input.", zh: "按键会停止播放，并保留给下一个输入节点。" },
    },
  },
};
