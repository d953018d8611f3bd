import type { NodeDefinition } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { lintQueueName } from "../shared/queue-name";
import { widenSchema, type WidenConfig } from "./schema";

export const widenDefinition: NodeDefinition<WidenConfig> = {
  type: "widen",
  kinds: ["routing"],
  category: "call-control",
  label: { en: "Widen", zh: "扩大坐席范围" },
  description: {
    en: "Bullseye routing: while the call keeps its place, lowers the minimum proficiency or lets a second queue's agents take it, then waits again. Put it after a queue's timeout: that wait is the N seconds before widening.",
    zh: "靶心路由：来电保持原排队位置，降低最低熟练度或让第二个队列的坐席接听，然后继续等待。接在排队节点的“超时”之后：该等待时间即扩大前的 N 秒。",
  },
  icon: "target",
  schema: widenSchema,
  endsCall: true,
  defaults: () => widenSchema.parse({}),
  ports: () => [{ id: "timeout", label: portLabel("timeout"), required: true, silent: true }],
  expressions: () => [],
  writes: () => [],
  lint: (config, context) => [
    ...lintQueueName(config.queue, ["queue"], context),
    ...(config.minProficiency === null && config.queue === "" ? [{ severity: "warning" as const, code: "widen-nothing", path: [], params: {} }] : []),
  ],
  formHints: {
    minProficiency: { widget: "number", label: { en: "Lower the minimum proficiency to", zh: "最低熟练度降到" } },
    queue: { widget: "select", label: { en: "Also serve from queue", zh: "同时由此队列服务" } },
    waitSeconds: { widget: "number", label: { en: "Then wait (seconds)", zh: "然后等待（秒）" } },
  },
};
