import type { NodeCompiler } from "../node-definition";
import type { WidenCompiled } from "./compiled";
import type { WidenConfig } from "./schema";

export const compileWiden: NodeCompiler<WidenConfig, WidenCompiled> = (config) => ({
  minProficiency: config.minProficiency,
  queue: config.queue === "" ? null : config.queue,
  waitSeconds: config.waitSeconds,
});
