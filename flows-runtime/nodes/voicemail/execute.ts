import type { NodeExecutor } from "../node-definition";
import { routingOf } from "../queue/routing-of";

export const executeVoicemail: NodeExecutor = async (_step, ctx) => {
  await routingOf(ctx).voicemail();
  return { end: "completed" };
};
