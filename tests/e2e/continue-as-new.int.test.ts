import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevStack, type DevStack } from "@/workers/dev-stack";
import { callWorkflowId } from "@/workers/workflows/signals";
import { promptsHeard } from "../support/call-prompts";
import { counterLoopFlow } from "../support/graph-builder";

const PRESSES = 15;

describe("continue-as-new in a long looping call", () => {
  let stack: DevStack;
  beforeAll(async () => {
    // A new run every 10 steps: the loop below switches runs three times.
    stack = await startDevStack({ simulator: { timeScale: 0.2 }, stepsPerRun: 10 });
    await stack.publishFlow(counterLoopFlow(), { did: "7001" });
  });
  afterAll(() => stack?.stop());

  it("keeps every digit and every step across the switches", async () => {
    // Typed ahead quickly: digits arrive while runs switch, and none may be lost.
    const callId = await stack.placeCall({
      to: "7001",
      from: "100",
      script: `wait prompt; press ${"1".repeat(PRESSES)} gap 150ms; wait 3s; press 2; expect hangup`,
    });
    const { result } = await stack.waitForCall(callId);

    expect(result?.outcome).toBe("completed");
    expect((await promptsHeard(stack, callId)).at(-1)).toEqual([`tts:You counted ${PRESSES}.`]);

    const runs = [];
    const taskTimeouts = new Set<number>();
    for await (const run of stack.temporal.client.workflow.list({ query: `WorkflowId = '${callWorkflowId(callId)}'` })) {
      runs.push(run.status.name);
      const described = await stack.temporal.client.workflow.getHandle(run.workflowId, run.runId).describe();
      taskTimeouts.add(Number(described.raw.executionConfig?.defaultWorkflowTaskTimeout?.seconds ?? 0));
    }
    // The short workflow task timeout the bridge sets (failover to another worker) holds in every run.
    expect([...taskTimeouts]).toEqual([2]);
    expect(runs.filter((status) => status === "CONTINUED_AS_NEW").length).toBeGreaterThanOrEqual(3);
    expect(runs.filter((status) => status === "COMPLETED")).toHaveLength(1);

    const steps = (await stack.getExecution(callId))?.steps ?? [];
    expect(steps.map((s) => s.seq)).toEqual(steps.map((_, index) => index + 1));
    const nodes = steps.map((s) => s.nodeId);
    expect(nodes).toEqual([
      "start",
      ...Array.from({ length: PRESSES }, () => ["menu", "count"]).flat(),
      "menu",
      "done",
      "bye",
    ]);
    expect(steps.filter((s) => s.nodeId === "count").map((s) => s.varsChanged)).toEqual(
      Array.from({ length: PRESSES }, (_, i) => ({ counter: { before: i, after: i + 1 } })),
    );
  });
});
