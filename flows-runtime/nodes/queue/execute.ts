import type { ExecContext, NodeExecutor } from "../node-definition";
import { queueNodeCompiledSchema } from "./compiled";
import { routingOf } from "./routing-of";

/** An expression's number, rounded into [min, max]; null when it is not a number (the step says so). */
export function boundedNumber(ctx: ExecContext, ast: unknown, min: number, max: number): number | null {
  const value = ctx.evaluate(ast);
  if (typeof value !== "number" || !Number.isFinite(value)) return null;
  return Math.max(min, Math.min(max, Math.round(value)));
}

export const executeQueueNode: NodeExecutor = async (step, ctx) => {
  const config = queueNodeCompiledSchema.parse(step.config);
  const routing = routingOf(ctx);
  const priority = boundedNumber(ctx, config.priority, 0, 9);
  if (priority === null) throw new Error(`priority of queue ${config.queue} is not a number`);
  const skills = config.skills.map((need) => {
    const minProficiency = boundedNumber(ctx, need.minProficiency, 1, 5);
    if (minProficiency === null) throw new Error(`minimum proficiency of skill ${need.skill} is not a number`);
    return { skill: need.skill, minProficiency };
  });
  const joined = await routing.join({ queue: config.queue, priority, skills, skipIfNoAgents: config.skipIfNoAgents, hold: config.hold });
  if (joined === "no-agents") return { port: "no-agents" };
  if (joined === "full" || joined === "closed") return { port: "full", error: `queue ${config.queue} is ${joined}` };
  const waited = await routing.wait(config.waitSeconds);
  return waited === "answered" ? { end: "transferred" } : { port: "timeout" };
};
