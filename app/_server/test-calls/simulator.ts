import { createSimulatorControl, type SimulatorControl } from "@/workers/ari-simulator/control/client";

/** Test calls run on the ARI simulator; ARI_SIM_URL is where its control API (/_sim) listens. */
export function simulatorControl(): SimulatorControl {
  return createSimulatorControl(process.env.ARI_SIM_URL ?? "http://127.0.0.1:8088");
}

/** Our Stasis application (the ARI bridge's), which test calls enter. */
export const stasisApp = (): string => process.env.ARI_APP ?? "cc-flows";

/** Stasis args of a test call: [TEST_CALL_ARG, <TestCallPlan id>]; the ARI bridge runs that plan. */
export { TEST_CALL_ARG } from "@/workers/ari-bridge/stasis-args";
export const TEST_CALLER = "10000000000";
export const TEST_DIALED = "test";
/** A forgotten test call hangs up by itself. */
export const TEST_CALL_MAX = "600s";
