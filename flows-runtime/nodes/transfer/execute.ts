import { CallHangupError, type TransferTarget } from "../../interpreter/effects";
import type { ExecContext, NodeExecutor } from "../node-definition";
import { transferCompiledSchema, type TransferCompiled } from "./compiled";

function resolveTarget({ target }: TransferCompiled, ctx: ExecContext): TransferTarget {
  if (target.kind === "number") {
    // Keep only what a dial string may hold; a variable cannot smuggle in Asterisk options.
    const number = ctx.render(target.number).replace(/[^0-9+*#]/g, "");
    return { kind: "number", number, callerId: target.callerId, timeoutSeconds: target.timeoutSeconds };
  }
  return target;
}

export const executeTransfer: NodeExecutor = async (step, ctx) => {
  const config = transferCompiledSchema.parse(step.config);
  const target = resolveTarget(config, ctx);
  if (target.kind === "number" && target.number === "") return { port: "failed", error: "the phone number to transfer to is empty" };
  try {
    const result = await ctx.effects.transfer(target);
    return result.ok ? { end: "transferred" } : { port: "failed", error: result.reason ?? "transfer failed" };
  } catch (error) {
    if (error instanceof CallHangupError) throw error;
    return { port: "failed", error: error instanceof Error ? error.message : String(error) };
  }
};
