import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { loadFixture } from "../support/fixtures";

/** The dev stack's worker as a separate process (what a SIGKILL test needs): it runs calls like the in-process one. */
describe("dev stack with the worker in a child process", () => {
  let stack: DevStack;
  beforeAll(async () => {
    stack = await startDevStack({ worker: "child-process", simulator: { timeScale: 0.2 } });
    await stack.publishFlow(loadFixture("menu-retries-transfer"), { did: "4000" });
  });
  afterAll(() => stack?.stop());

  it("runs a call on the child worker and stops it on request", async () => {
    const worker = stack.childWorker;
    expect(worker?.pid).toBeGreaterThan(0);
    expect(worker?.pid).not.toBe(process.pid);

    const callId = await stack.placeCall({ to: "4000", from: "100", script: "wait prompt; press 1; expect end; wait 30s" });
    const { status, result } = await stack.waitForCall(callId);
    expect(result?.outcome).toBe("transferred");
    expect(status.continuedTo).toMatchObject({ context: "cc-queues", exten: "sales" });

    await worker?.kill("SIGTERM");
    expect(() => process.kill(worker?.pid ?? 0, 0)).toThrow();
  });
});
