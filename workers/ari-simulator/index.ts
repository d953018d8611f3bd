export { startAriSimulator } from "./server";
export type { AriSimulator } from "./server";
export type { SimulatorOptions } from "./config";
export { CORE_SOUNDS } from "./config";
export { createSimulatorControl } from "./control/client";
export type { CallStatus, LogEntry, PlaceCallRequest, SimulatorControl } from "./control/client";
export { parseScriptDsl } from "./script/dsl";
export { CallScriptSchema, ScriptStepSchema } from "./script/schema";
export type { CallScript, ScriptStep } from "./script/schema";
