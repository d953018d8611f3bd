import type { FieldWidget, LocalizedText } from "../node-definition";

type Hint = { widget: FieldWidget; label?: LocalizedText; help?: LocalizedText };

/** Form hints for a media list stored under `field`. */
export function mediaFormHints(field: string, label: LocalizedText): Record<string, Hint> {
  return {
    [field]: { widget: "list", label },
    [`${field}.kind`]: { widget: "select", label: { en: "Type", zh: "类型" } },
    [`${field}.text`]: {
      widget: "prompt-text",
      label: { en: "Text", zh: "文本" },
      help: { en: "Insert variables with {{name}}.", zh: "用 {{变量名}} 插入变量。" },
    },
    [`${field}.language`]: { widget: "select", label: { en: "Language", zh: "语言" } },
    [`${field}.voice`]: { widget: "text", label: { en: "Voice", zh: "音色" } },
    [`${field}.name`]: { widget: "text", label: { en: "Sound file", zh: "声音文件" } },
    [`${field}.value`]: { widget: "template", label: { en: "Value", zh: "内容" } },
  };
}
