import type { NodeDefinition } from "../node-definition";
import { CALL_FIELDS } from "../shared/call-fields";
import { portLabel } from "../shared/port-label";
import { routingStartSchema, type RoutingStartConfig } from "./schema";

export const routingStartDefinition: NodeDefinition<RoutingStartConfig> = {
  type: "routing-start",
  kinds: ["routing"],
  category: "entry",
  label: { en: "Routing start", zh: "路由开始" },
  description: {
    en: "Where a call an IVR transferred to the queue enters its routing. The IVR's variables declared here keep their values (customer.tier, the digits collected), and call.language is the IVR's.",
    zh: "IVR 转入队列的来电从这里进入路由。此处声明的 IVR 变量保留其值（如 customer.tier、采集的按键），call.language 与 IVR 相同。",
  },
  icon: "route",
  schema: routingStartSchema,
  entry: true,
  defaults: () => ({}),
  ports: () => [{ id: "next", label: portLabel("next"), required: true }],
  expressions: () => [],
  writes: () => CALL_FIELDS.map((field) => ({ name: `call.${field}`, type: "string" })),
};
