import type { NodeDefinition } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { setOutcomeSchema, type SetOutcomeConfig } from "./schema";

export const setOutcomeDefinition: NodeDefinition<SetOutcomeConfig> = {
  type: "set-outcome",
  kinds: ["campaign"],
  category: "logic",
  label: { en: "Set outcome", zh: "记录结果" },
  description: {
    en: "Writes the call's outcome to the contact at once (e.g. confirmed, cancelled, agent-requested).",
    zh: "立即将本次通话的结果写入联系人（例如 confirmed、cancelled、agent-requested）。",
  },
  icon: "clipboard-check",
  schema: setOutcomeSchema,
  defaults: () => setOutcomeSchema.parse({}),
  ports: () => [{ id: "next", label: portLabel("next"), required: false }],
  expressions: () => [],
  writes: () => [],
  formHints: {
    outcome: {
      widget: "text",
      label: { en: "Outcome", zh: "结果" },
      help: { en: "e.g. confirmed, cancelled, agent-requested", zh: "例如 confirmed、cancelled、agent-requested" },
    },
  },
};
