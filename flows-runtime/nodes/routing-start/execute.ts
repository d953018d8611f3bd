import type { NodeExecutor } from "../node-definition";

/** The IVR's variables and call.* are set before the first step (README "Routing flows"). */
export const executeRoutingStart: NodeExecutor = async () => ({ port: "next" });
