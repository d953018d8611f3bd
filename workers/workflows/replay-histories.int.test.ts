import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from "@temporalio/worker";
import { workflowBundleOptions } from "../workflow-bundle/workflow-bundle-options";
import { beforeAll, describe, expect, it } from "vitest";
import { historyFromJson } from "@/tests/support/history-from-json";

const HISTORIES = path.join(path.dirname(fileURLToPath(import.meta.url)), "histories");

interface RecordedHistory {
  workflowId: string;
  json: { events: { eventType: string; activityTaskScheduledEventAttributes?: { activityType?: { name?: string } } }[] };
}

function recorded(): RecordedHistory[] {
  return readdirSync(HISTORIES)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ workflowId: file.replace(/\.json$/, ""), json: JSON.parse(readFileSync(path.join(HISTORIES, file), "utf8")) }));
}

async function replay(bundle: WorkflowBundleWithSourceMap, histories: RecordedHistory[]) {
  const results: { workflowId: string; error: string | null }[] = [];
  const iterable = histories.map((h) => ({ workflowId: h.workflowId, history: historyFromJson(h.json) }));
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, iterable)) {
    results.push({ workflowId: result.workflowId, error: result.error ? String(result.error) : null });
  }
  return results;
}

/**
 * Replays the committed histories of real calls (scripts/record-histories.ts) against the current
 * workflow code: a change that would break running calls (non-determinism) fails here.
 */
describe("recorded call histories replay on the current workflow code", () => {
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    try {
      Runtime.install({ logger: new DefaultLogger("ERROR") });
    } catch {
      // installed already in this process
    }
    bundle = await bundleWorkflowCode(workflowBundleOptions());
  });

  it("replays every recorded history without a determinism error", async () => {
    const histories = recorded();
    expect(histories.map((h) => h.workflowId)).toEqual(
      expect.arrayContaining([
        "bank-ivr-active-card",
        "after-sales-order-then-queue",
        "menu-retries-transfer",
        "counter-loop-continue-as-new.run2",
        // Calls started before CALL_COST_PATCH (regular persistence activities, TTS apart from play).
        "before-call-cost-patch.bank-ivr-active-card",
        "before-call-cost-patch.counter-loop-continue-as-new.run2",
        // Calls started before CALL_COST_2_PATCH (a trace write per wait, the bridge signalling every PlaybackFinished).
        "before-call-cost-2-patch.bank-ivr-active-card",
        "before-call-cost-2-patch.counter-loop-continue-as-new.run2",
      ]),
    );
    const results = await replay(bundle, histories);
    expect(results.filter((r) => r.error !== null)).toEqual([]);
    expect(results).toHaveLength(histories.length);
  });

  it("detects a history the code would not produce (the check can fail)", async () => {
    const [original] = recorded().filter((h) => h.workflowId === "bank-ivr-active-card");
    if (!original) throw new Error("bank-ivr-active-card history missing");
    const tampered = structuredClone(original);
    const scheduled = tampered.json.events.find((e) => e.eventType === "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED");
    const type = scheduled?.activityTaskScheduledEventAttributes?.activityType;
    if (!type) throw new Error("no scheduled activity in the history");
    type.name = "renamedActivity";
    const [result] = await replay(bundle, [tampered]);
    expect(result?.error).toMatch(/nondetermin/i);
  });
});
