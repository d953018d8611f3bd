import type { NodeDefinition, PortSpec } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { lintQueueName } from "../shared/queue-name";
import { holdSchema, queueNodeSchema, type QueueNodeConfig } from "./schema";

export const queueNodeDefinition: NodeDefinition<QueueNodeConfig> = {
  type: "queue",
  kinds: ["routing"],
  category: "call-control",
  label: { en: "Queue", zh: "排队" },
  description: {
    en: "Puts the call into a queue with a priority and skills (expressions) and holds it with music and announcements until an agent answers. After the wait it takes the timeout exit still in the queue at its place; into another queue node it overflows there.",
    zh: "按优先级和技能（表达式）把来电放入队列，播放等待音乐和提示，直到坐席接听。等待时间到后仍在队列原位置，走“超时”分支；接到另一个排队节点即溢出到该队列。",
  },
  icon: "users",
  schema: queueNodeSchema,
  endsCall: true,
  defaults: () => ({ queue: "", priority: "5", skills: [], waitSeconds: 60, skipIfNoAgents: true, hold: holdSchema.parse({}) }),
  ports: (config) => {
    const ports: PortSpec[] = [
      { id: "timeout", label: portLabel("timeout"), required: true, silent: true },
      { id: "full", label: portLabel("full"), required: true, silent: true },
    ];
    if (config.skipIfNoAgents) ports.push({ id: "no-agents", label: portLabel("no-agents"), required: true, silent: true });
    return ports;
  },
  expressions: (config) => [
    { path: ["priority"], source: config.priority, mode: "expression", expects: "number" },
    ...config.skills.map((need, index) => ({ path: ["skills", index, "minProficiency"], source: need.minProficiency, mode: "expression" as const, expects: "number" as const })),
  ],
  writes: () => [],
  // The queue, as the transfer node shows it, not the priority (its first expression).
  summary: (config) => (typeof config.queue === "string" ? config.queue : ""),
  lint: (config, context) => lintQueueName(config.queue, ["queue"], context),
  formHints: {
    queue: { widget: "select", label: { en: "Queue", zh: "队列" } },
    priority: { widget: "expression", label: { en: "Priority (0–9)", zh: "优先级（0–9）" }, help: { en: 'For example customer.tier == "VIP" ? 9 : 5', zh: "例如 customer.tier == \"VIP\" ? 9 : 5" } },
    skills: { widget: "list", label: { en: "Skills", zh: "技能" } },
    "skills.skill": { widget: "text", label: { en: "Skill", zh: "技能" } },
    "skills.minProficiency": { widget: "expression", label: { en: "Minimum proficiency (1–5)", zh: "最低熟练度（1–5）" } },
    waitSeconds: { widget: "number", label: { en: "Wait (seconds)", zh: "等待时间（秒）" } },
    skipIfNoAgents: { widget: "switch", label: { en: "Skip when no agent is signed in", zh: "无坐席在线时跳过" } },
    hold: { widget: "select", label: { en: "While waiting", zh: "等待期间" } },
    "hold.mohClass": { widget: "text", label: { en: "Hold music class", zh: "等待音乐类别" } },
    "hold.announceEverySeconds": { widget: "number", label: { en: "Announce every (seconds)", zh: "播报间隔（秒）" } },
    "hold.position": { widget: "switch", label: { en: "Say the position", zh: "播报排队位置" } },
    "hold.estimatedWait": { widget: "switch", label: { en: "Say the estimated wait", zh: "播报预计等待时间" } },
    "hold.comfortText": { widget: "prompt-text", label: { en: "Comfort message", zh: "安抚提示语" } },
  },
};
