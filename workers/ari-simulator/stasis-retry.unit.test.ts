import { afterEach, describe, expect, it } from "vitest";
import { type AriSimulator, startAriSimulator } from "./server";
import { sleep, subscribe } from "./test-support";

const RETRY = { attempts: 5, waitMs: 1_000, sorrySound: "ss-noservice" };

/** app_stasis.c: Stasis() for an application with no socket fails (STASISSTATUS=FAILED) and the dialplan goes on. */
describe("an inbound call while no application is connected", () => {
  let sim: AriSimulator;
  afterEach(() => sim?.close());

  it("without a retry in the dialplan, the call is hung up at once", async () => {
    sim = await startAriSimulator({ timeScale: 0.05 });
    const { rejected, callId } = await sim.control.placeCall({ to: "4001", from: "1", app: "cc-flows" });
    expect(rejected).toBe(true);
    expect((await sim.control.log({ channelId: callId })).map((e) => e.kind)).toEqual(["inbound", "stasisFailed", "hangup", "destroyed"]);
  });

  it("the dialplan's retry loop enters Stasis once the application connects", async () => {
    sim = await startAriSimulator({ timeScale: 0.05, stasisRetry: RETRY });
    const { rejected, callId } = await sim.control.placeCall({ to: "4001", from: "13800000000", app: "cc-flows" });
    expect(rejected).toBe(false);
    expect((await sim.control.getCall(callId)).state).not.toBe("Destroyed");
    // Two Wait(1)s later (0.1 s at this time scale) the application connects.
    await sleep(120);
    const app = await subscribe(sim, "cc-flows");
    try {
      const start = await app.waitFor((e) => e.type === "StasisStart");
      expect(start.channel).toMatchObject({ id: callId, state: "Ring", dialplan: { app_name: "Stasis", app_data: "cc-flows,4001" } });
      expect(start.args).toEqual(["4001"]);
      const failed = await sim.control.log({ channelId: callId, kind: "stasisFailed" });
      expect(failed.length).toBeGreaterThanOrEqual(2);
      expect(failed.length).toBeLessThanOrEqual(RETRY.attempts);
    } finally {
      await app.close();
    }
  });

  it("after the last retry the caller hears the sorry prompt and the dialplan hangs up", async () => {
    sim = await startAriSimulator({ timeScale: 0.05, stasisRetry: RETRY });
    const { callId } = await sim.control.placeCall({ to: "4001", from: "1", app: "cc-flows" });
    const status = await sim.control.waitForCall(callId, 5_000);
    expect(status.hungUpBy).toBe("dialplan");
    const log = await sim.control.log({ channelId: callId });
    expect(log.filter((e) => e.kind === "stasisFailed")).toHaveLength(RETRY.attempts + 1);
    expect(log.find((e) => e.kind === "dialplanPlayback")).toMatchObject({ media: "sound:ss-noservice" });
    const [played] = log.filter((e) => e.kind === "dialplanPlayback");
    const [hangup] = log.filter((e) => e.kind === "hangup");
    // ss-noservice plays to its end (4.94 s, 0.25 s at this time scale) before the hangup.
    expect((hangup?.t ?? 0) - (played?.t ?? 0)).toBeGreaterThanOrEqual(200);
  });

  it("a caller who hangs up while the dialplan waits ends the retries", async () => {
    // Real time: the hangup lands within the first Wait(1) even on a loaded machine.
    sim = await startAriSimulator({ timeScale: 1, stasisRetry: RETRY });
    const { callId } = await sim.control.placeCall({ to: "4001", from: "1", app: "cc-flows" });
    await sim.control.hangup(callId);
    // Longer than one Wait(1): a retry loop that went on would have failed Stasis again by now.
    await sleep(1_500);
    const log = await sim.control.log({ channelId: callId });
    expect(log.filter((e) => e.kind === "stasisFailed")).toHaveLength(1);
    expect(log.find((e) => e.kind === "hangup")).toMatchObject({ by: "caller" });
    expect(log.some((e) => e.kind === "dialplanPlayback")).toBe(false);
  });
});
