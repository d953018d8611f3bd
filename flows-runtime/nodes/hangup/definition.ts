import type { NodeDefinition } from "../node-definition";
import { hangupSchema, type HangupConfig } from "./schema";

export const hangupDefinition: NodeDefinition<HangupConfig> = {
  type: "hangup",
  kinds: ["ivr", "routing", "campaign"],
  category: "call-control",
  label: { en: "Hang up", zh: "挂机" },
  description: { en: "Ends the call.", zh: "结束通话。" },
  icon: "phone-off",
  schema: hangupSchema,
  endsCall: true,
  defaults: () => ({}),
  ports: () => [],
  expressions: () => [],
  writes: () => [],
};
