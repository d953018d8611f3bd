import type { NodeDefinition } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { languageSelectSchema, type LanguageSelectConfig } from "./schema";

export const languageSelectDefinition: NodeDefinition<LanguageSelectConfig> = {
  type: "language-select",
  kinds: ["ivr"],
  category: "logic",
  label: { en: "Set language", zh: "切换语言" },
  description: {
    en: "Switches the call's language (call.language): later prompts without their own language use it.",
    zh: "切换通话语言（call.language）：之后未指定语言的提示音都使用该语言。",
  },
  icon: "language",
  schema: languageSelectSchema,
  defaults: () => ({ language: "en-US" }),
  ports: () => [{ id: "next", label: portLabel("next"), required: false }],
  expressions: () => [],
  writes: () => [{ name: "call.language", type: "string", path: ["language"] }],
  formHints: { language: { widget: "select", label: { en: "Language", zh: "语言" } } },
};
