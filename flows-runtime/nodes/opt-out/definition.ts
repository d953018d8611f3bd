import type { NodeDefinition } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { optOutSchema, type OptOutConfig } from "./schema";

export const optOutDefinition: NodeDefinition<OptOutConfig> = {
  type: "opt-out",
  kinds: ["campaign"],
  category: "call-control",
  label: { en: "Opt out", zh: "拒绝再呼" },
  description: {
    en: "Puts the contact's number on the do-not-call list at once: no campaign (or this campaign only) calls it again.",
    zh: "立即将联系人号码加入免打扰名单：所有活动（或仅本活动）不再拨打该号码。",
  },
  icon: "phone-off",
  schema: optOutSchema,
  defaults: () => optOutSchema.parse({}),
  ports: () => [{ id: "next", label: portLabel("next"), required: false }],
  expressions: () => [],
  writes: () => [],
  formHints: {
    scope: {
      widget: "select",
      label: { en: "Never called again by", zh: "不再拨打的范围" },
      help: { en: "all: every campaign; campaign: this campaign only.", zh: "all：所有活动；campaign：仅本活动。" },
    },
  },
};
