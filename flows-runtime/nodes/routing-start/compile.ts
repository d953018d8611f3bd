import type { NodeCompiler } from "../node-definition";
import type { RoutingStartCompiled } from "./compiled";
import type { RoutingStartConfig } from "./schema";

export const compileRoutingStart: NodeCompiler<RoutingStartConfig, RoutingStartCompiled> = () => ({});
