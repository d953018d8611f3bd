import type { PlaceCallRequest, SimulatorControl } from "@/workers/ari-simulator";

export interface LoadOptions {
  calls: number;
  concurrency: number;
  /** Caller i's request (number, script). */
  request(i: number): PlaceCallRequest;
  /** Real ms a call may take before it counts as stuck. */
  callTimeoutMs: number;
  /** New calls per second at most; 0 places them as fast as the concurrency allows. */
  ratePerSecond?: number;
}

export interface LoadResult {
  callIds: string[];
  wallMs: number;
  /** Calls whose caller script did not complete (stuck, failed or rejected). */
  failures: { callId: string; reason: string }[];
}

/** Keeps `concurrency` scripted calls in progress until `calls` have been placed and have ended. */
export async function runLoad(control: SimulatorControl, options: LoadOptions): Promise<LoadResult> {
  const callIds: string[] = [];
  const failures: LoadResult["failures"] = [];
  let next = 0;
  const started = performance.now();
  async function lane(): Promise<void> {
    while (next < options.calls) {
      const i = next++;
      const rate = options.ratePerSecond ?? 0;
      if (rate > 0) {
        const due = started + (i * 1000) / rate - performance.now();
        if (due > 0) await new Promise((r) => setTimeout(r, due));
      }
      const placed = await control.placeCall(options.request(i));
      callIds.push(placed.callId);
      if (placed.rejected) {
        failures.push({ callId: placed.callId, reason: "rejected: no Stasis application" });
        continue;
      }
      try {
        const status = await control.waitForCall(placed.callId, options.callTimeoutMs);
        if (status.script?.status !== "completed") {
          failures.push({ callId: placed.callId, reason: `script ${status.script?.status ?? "missing"}${status.script?.error ? `: ${status.script.error}` : ""}` });
        }
      } catch (err) {
        failures.push({ callId: placed.callId, reason: err instanceof Error ? err.message : String(err) });
        await control.hangup(placed.callId).catch(() => undefined);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.calls) }, () => lane()));
  return { callIds, wallMs: performance.now() - started, failures };
}
