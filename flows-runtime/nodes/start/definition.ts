import type { NodeDefinition } from "../node-definition";
import { CALL_FIELDS } from "../shared/call-fields";
import { portLabel } from "../shared/port-label";
import { startSchema, type StartConfig } from "./schema";

export const startDefinition: NodeDefinition<StartConfig> = {
  type: "start",
  kinds: ["ivr"],
  category: "entry",
  label: { en: "Start", zh: "开始" },
  description: {
    en: "Where every call enters the flow. Provides the call's details: call.caller, call.dialed, call.id, call.language, call.startedAt.",
    zh: "每通来电的入口。提供来电信息：call.caller、call.dialed、call.id、call.language、call.startedAt。",
  },
  icon: "phone-incoming",
  schema: startSchema,
  entry: true,
  defaults: () => startSchema.parse({}),
  ports: () => [{ id: "next", label: portLabel("next"), required: true }],
  expressions: () => [],
  writes: () => CALL_FIELDS.map((field) => ({ name: `call.${field}`, type: "string" })),
  formHints: {
    defaultLanguage: {
      widget: "select",
      label: { en: "Default language", zh: "默认语言" },
      help: { en: "Used when the line does not set the caller's language.", zh: "线路未指定语言时使用。" },
    },
  },
};
