import type { NodeDefinition } from "../node-definition";
import { mediaExpressions } from "../shared/media";
import { mediaFormHints } from "../shared/media-form-hints";
import { portLabel } from "../shared/port-label";
import { collectSchema, type CollectConfig } from "./schema";

export const collectDefinition: NodeDefinition<CollectConfig> = {
  type: "collect",
  kinds: ["ivr", "campaign"],
  category: "input",
  label: { en: "Collect digits", zh: "收集按键" },
  description: {
    en: "Asks the caller to type a number (card, order, PIN) and stores it in a variable. Input that is too short, too long or does not match the pattern is retried.",
    zh: "请来电者输入一串数字（卡号、订单号、密码）并保存到变量。长度不符或不匹配格式时重试。",
  },
  icon: "dialpad",
  schema: collectSchema,
  defaults: () => ({
    prompt: [{ kind: "tts", text: "" }],
    minLength: 1,
    maxLength: 20,
    terminator: "#",
    firstDigitTimeoutSeconds: 5,
    interDigitTimeoutSeconds: 3,
    totalTimeoutSeconds: 30,
    variable: "",
    maxRetries: 2,
    invalidPrompt: [],
  }),
  ports: () => [
    { id: "next", label: portLabel("next"), required: false },
    { id: "timeout", label: portLabel("timeout"), required: true, silent: true },
    { id: "invalid", label: portLabel("invalid"), required: true, silent: true },
  ],
  expressions: (config) => [...mediaExpressions(config.prompt, ["prompt"]), ...mediaExpressions(config.invalidPrompt, ["invalidPrompt"])],
  writes: (config) => [{ name: config.variable, type: "string", path: ["variable"] }],
  formHints: {
    ...mediaFormHints("prompt", { en: "Prompt", zh: "提示音" }),
    minLength: { widget: "number", label: { en: "Minimum length", zh: "最少位数" } },
    maxLength: { widget: "number", label: { en: "Maximum length", zh: "最多位数" } },
    terminator: { widget: "select", label: { en: "End key", zh: "结束键" } },
    firstDigitTimeoutSeconds: { widget: "number", label: { en: "Wait for first key (seconds)", zh: "首位按键等待（秒）" } },
    interDigitTimeoutSeconds: { widget: "number", label: { en: "Wait between keys (seconds)", zh: "按键间隔等待（秒）" } },
    totalTimeoutSeconds: { widget: "number", label: { en: "Total time limit (seconds)", zh: "总时长限制（秒）" } },
    pattern: {
      widget: "code",
      label: { en: "Pattern", zh: "格式" },
      help: { en: "Regular expression for the whole input, e.g. \\d{16}.", zh: "匹配整个输入的正则表达式，例如 \\d{16}。" },
    },
    variable: { widget: "text", label: { en: "Store in variable", zh: "保存到变量" } },
    maxRetries: { widget: "number", label: { en: "Retries", zh: "重试次数" } },
    ...mediaFormHints("invalidPrompt", { en: "Invalid-input prompt", zh: "输入无效提示音" }),
  },
};
