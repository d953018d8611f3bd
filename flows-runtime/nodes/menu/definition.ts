import type { NodeDefinition, PortSpec } from "../node-definition";
import { mediaExpressions } from "../shared/media";
import { mediaFormHints } from "../shared/media-form-hints";
import { portLabel } from "../shared/port-label";
import { menuSchema, type MenuConfig } from "./schema";

function optionPorts(config: MenuConfig): PortSpec[] {
  const seen = new Set<string>();
  const ports: PortSpec[] = [];
  for (const option of config.options) {
    if (seen.has(option.key)) continue;
    seen.add(option.key);
    const base = portLabel(`option:${option.key}`);
    const label = option.label === "" ? base : { en: `${base.en}: ${option.label}`, zh: `${base.zh}:${option.label}` };
    ports.push({ id: `option:${option.key}`, label, required: true });
  }
  return ports;
}

export const menuDefinition: NodeDefinition<MenuConfig> = {
  type: "menu",
  kinds: ["ivr", "campaign"],
  category: "input",
  label: { en: "Menu", zh: "按键菜单" },
  description: {
    en: "Plays a prompt and waits for one key. Wrong keys and silence are retried with their own prompts; when the retries run out the call takes the invalid or timeout path.",
    zh: "播放提示音并等待一次按键。按错或未按键时播放相应提示并重试；重试用完后走“无效输入”或“超时”分支。",
  },
  icon: "grid-dots",
  schema: menuSchema,
  defaults: () => ({
    prompt: [{ kind: "tts", text: "" }],
    options: [{ key: "1", label: "" }],
    timeoutSeconds: 5,
    maxRetries: 2,
    timeoutPrompt: [],
    invalidPrompt: [],
    bargeIn: true,
  }),
  ports: (config) => [
    ...optionPorts(config),
    { id: "timeout", label: portLabel("timeout"), required: true, silent: true },
    { id: "invalid", label: portLabel("invalid"), required: true, silent: true },
  ],
  expressions: (config) => [
    ...mediaExpressions(config.prompt, ["prompt"]),
    ...mediaExpressions(config.timeoutPrompt, ["timeoutPrompt"]),
    ...mediaExpressions(config.invalidPrompt, ["invalidPrompt"]),
  ],
  writes: (config) => (config.storeAs === undefined ? [] : [{ name: config.storeAs, type: "string", path: ["storeAs"] }]),
  formHints: {
    ...mediaFormHints("prompt", { en: "Prompt", zh: "提示音" }),
    options: { widget: "list", label: { en: "Options", zh: "选项" } },
    "options.key": { widget: "keys", label: { en: "Key", zh: "按键" } },
    "options.label": { widget: "text", label: { en: "Meaning", zh: "含义" } },
    timeoutSeconds: { widget: "number", label: { en: "Wait for a key (seconds)", zh: "等待按键（秒）" } },
    maxRetries: { widget: "number", label: { en: "Retries", zh: "重试次数" } },
    ...mediaFormHints("timeoutPrompt", { en: "No-input prompt", zh: "未按键提示音" }),
    ...mediaFormHints("invalidPrompt", { en: "Wrong-key prompt", zh: "按键错误提示音" }),
    bargeIn: { widget: "switch", label: { en: "Caller can interrupt", zh: "允许按键打断" } },
    storeAs: { widget: "text", label: { en: "Store key in variable", zh: "按键保存到变量" } },
  },
};
