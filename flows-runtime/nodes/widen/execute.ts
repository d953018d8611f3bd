import type { NodeExecutor } from "../node-definition";
import { routingOf } from "../queue/routing-of";
import { widenCompiledSchema } from "./compiled";

export const executeWiden: NodeExecutor = async (step, ctx) => {
  const config = widenCompiledSchema.parse(step.config);
  const routing = routingOf(ctx);
  await routing.widen({ minProficiency: config.minProficiency, addQueue: config.queue });
  const waited = await routing.wait(config.waitSeconds);
  return waited === "answered" ? { end: "transferred" } : { port: "timeout" };
};
