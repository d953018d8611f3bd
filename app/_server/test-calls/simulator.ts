import { createSimulatorControl, type SimulatorControl } from "@/workers/ari-simulator/control/client";
import { asteriskIdSchema } from "@/workers/asterisk-servers";
import { DEFAULT_ASTERISK_ID } from "@/workers/default-asterisk-id";

/** Test calls run on the ARI simulator; ARI_SIM_URL is where its control API (/_sim) listens. */
export function simulatorControl(): SimulatorControl {
  return createSimulatorControl(process.env.ARI_SIM_URL ?? "http://127.0.0.1:8088");
}

/**
 * The Asterisk id of the simulator's bridge (its ASTERISK_ID; default "default"): a test call's
 * workflow id carries it (ARI_SIM_ASTERISK_ID, when several Asterisk servers are configured).
 */
export function testCallAsteriskId(): string {
  const value = process.env.ARI_SIM_ASTERISK_ID;
  if (value === undefined || value === "") return DEFAULT_ASTERISK_ID;
  const parsed = asteriskIdSchema.safeParse(value);
  if (!parsed.success) throw new Error(`ARI_SIM_ASTERISK_ID: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** Our Stasis application (the ARI bridge's), which test calls enter. */
export const stasisApp = (): string => process.env.ARI_APP ?? "cc-flows";

/** Stasis args of a test call: [TEST_CALL_ARG, <TestCallPlan id>]; the ARI bridge runs that plan. */
export { TEST_CALL_ARG } from "@/workers/ari-bridge/stasis-args";
export const TEST_CALLER = "10000000000";
export const TEST_DIALED = "test";
/** A forgotten test call hangs up by itself. */
export const TEST_CALL_MAX = "600s";
