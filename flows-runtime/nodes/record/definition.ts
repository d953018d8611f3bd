import type { NodeDefinition } from "../node-definition";
import { mediaExpressions } from "../shared/media";
import { mediaFormHints } from "../shared/media-form-hints";
import { portLabel } from "../shared/port-label";
import { recordSchema, type RecordConfig } from "./schema";

export const recordDefinition: NodeDefinition<RecordConfig> = {
  type: "record",
  kinds: ["ivr"],
  category: "input",
  label: { en: "Record message", zh: "录音留言" },
  description: {
    en: "Plays a prompt, then records the caller (voicemail) until silence, the end key or the time limit.",
    zh: "播放提示音后录下来电者的留言，直到静音、按结束键或达到时长上限。",
  },
  icon: "microphone",
  schema: recordSchema,
  defaults: () => recordSchema.parse({}),
  // Silent: a recording also ends on silence, so looping back here needs no caller action.
  ports: () => [{ id: "next", label: portLabel("next"), required: false, silent: true }],
  expressions: (config) => mediaExpressions(config.prompt, ["prompt"]),
  writes: (config) => [
    { name: config.variable, type: "string", path: ["variable"] },
    { name: `${config.variable}_duration`, type: "number", path: ["variable"] },
  ],
  formHints: {
    ...mediaFormHints("prompt", { en: "Prompt", zh: "提示音" }),
    maxDurationSeconds: { widget: "number", label: { en: "Maximum length (seconds)", zh: "最长时长（秒）" } },
    beep: { widget: "switch", label: { en: "Beep before recording", zh: "录音前提示音" } },
    maxSilenceSeconds: { widget: "number", label: { en: "Stop after silence (seconds)", zh: "静音结束（秒）" } },
    terminateOn: { widget: "select", label: { en: "End key", zh: "结束键" } },
    variable: { widget: "text", label: { en: "Store recording in", zh: "录音保存到变量" } },
  },
};
