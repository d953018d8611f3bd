import type { NodeDefinition } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { lintQueueName } from "../shared/queue-name";
import { transferSchema, type TransferConfig } from "./schema";

export const transferDefinition: NodeDefinition<TransferConfig> = {
  type: "transfer",
  kinds: ["ivr", "campaign"],
  category: "call-control",
  label: { en: "Transfer", zh: "转接" },
  description: {
    en: "Hands the call to an agent queue, a phone number or an extension; the flow ends there. If the transfer fails the call takes the failed path.",
    zh: "把来电转给坐席队列、电话号码或分机，流程在此结束。转接失败时走“失败”分支。",
  },
  icon: "arrows-right-left",
  schema: transferSchema,
  endsCall: true,
  defaults: () => ({ target: { kind: "queue", queue: "", priority: 5, skills: [] } }),
  ports: () => [{ id: "failed", label: portLabel("failed"), required: true, silent: true }],
  expressions: (config) =>
    config.target.kind === "number" ? [{ path: ["target", "number"], source: config.target.number, mode: "template" }] : [],
  writes: () => [],
  lint: (config, context) => (config.target.kind === "queue" ? lintQueueName(config.target.queue, ["target", "queue"], context) : []),
  formHints: {
    target: { widget: "select", label: { en: "Transfer to", zh: "转接到" } },
    "target.kind": { widget: "select", label: { en: "Target type", zh: "目标类型" } },
    "target.queue": { widget: "select", label: { en: "Queue", zh: "队列" } },
    "target.priority": { widget: "number", label: { en: "Priority", zh: "优先级" } },
    "target.skills": { widget: "list", label: { en: "Skills", zh: "技能" } },
    "target.number": { widget: "template", label: { en: "Phone number", zh: "电话号码" } },
    "target.callerId": { widget: "text", label: { en: "Caller ID", zh: "主叫号码" } },
    "target.endpoint": { widget: "text", label: { en: "Endpoint", zh: "分机" } },
    "target.timeoutSeconds": { widget: "number", label: { en: "Ring timeout (seconds)", zh: "振铃超时（秒）" } },
  },
};
