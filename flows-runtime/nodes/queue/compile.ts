import type { NodeCompiler } from "../node-definition";
import { compileExpression } from "../shared/compile-source";
import type { QueueNodeCompiled } from "./compiled";
import type { QueueNodeConfig } from "./schema";

export const compileQueueNode: NodeCompiler<QueueNodeConfig, QueueNodeCompiled> = (config) => ({
  queue: config.queue,
  priority: compileExpression(config.priority),
  skills: config.skills.map((need) => ({ skill: need.skill, minProficiency: compileExpression(need.minProficiency) })),
  waitSeconds: config.waitSeconds,
  skipIfNoAgents: config.skipIfNoAgents,
  hold: { ...config.hold },
});
