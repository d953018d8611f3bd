/**
 * Regenerates workers/workflows/histories/*.json: real histories of fixture calls, run on the real
 * Temporal dev server, the ARI simulator and PostgreSQL. The replay test replays every one of them
 * against the current workflow code, so a change that breaks determinism fails CI.
 *
 *   npx tsx scripts/record-histories.ts
 *
 * Needs PostgreSQL with the migrated test template that scripts/test.sh prepares (run it once first).
 *
 * Re-record only when a change is meant to be incompatible with running calls (and ship it with a
 * new task queue or a patch()), never to make a failing replay pass.
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startDevStack, type DevStack } from "../workers/dev-stack";
import { temporalCliPath } from "../workers/temporal-cli-path";
import { callWorkflowId } from "../workers/workflows/signals";
import { loadFixture, withNodeData } from "../tests/support/fixtures";
import { counterLoopFlow } from "../tests/support/graph-builder";
import { allowLocalServer, sendJson, startLocalHttpServer } from "../tests/support/local-http";

const run_ = promisify(execFile);
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "workers", "workflows", "histories");

interface Scenario {
  name: string;
  did: string;
  from: string;
  script: string;
  expectOutcome: string;
}

async function saveHistories(stack: DevStack, scenario: Scenario, callId: string): Promise<number> {
  const workflowId = callWorkflowId(callId);
  const runs: { runId: string; startTime: Date }[] = [];
  for await (const run of stack.temporal.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    runs.push({ runId: run.runId, startTime: run.startTime });
  }
  runs.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  for (const [index, run] of runs.entries()) {
    // The CLI writes the standard JSON history format (historyToJSON is unusable here: two protobufjs
    // versions are installed and its type check fails across them).
    const { stdout } = await run_(temporalCliPath(), [
      "workflow", "show",
      "--address", stack.temporal.address,
      "--namespace", stack.temporal.namespace,
      "--workflow-id", workflowId,
      "--run-id", run.runId,
      "--output", "json",
    ], { maxBuffer: 64 * 1024 * 1024 });
    const suffix = runs.length > 1 ? `.run${index + 1}` : "";
    await writeFile(path.join(OUT, `${scenario.name}${suffix}.json`), JSON.stringify(JSON.parse(stdout), null, 1) + "\n");
  }
  return runs.length;
}

async function main(): Promise<void> {
  const api = await startLocalHttpServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname.startsWith("/slow/")) return; // never answers: the caller hangs up first
    if (url.pathname === "/v1/cards/4111111111114242") return sendJson(res, 200, { data: { card: { status: "active", last4: "4242", balance: 1520 } } });
    if (url.pathname.startsWith("/v2/orders/")) return sendJson(res, 200, { data: { statusText: "已发货", eta: "2025-06-01" } });
    sendJson(res, 404, { error: "not found" });
  });
  const policy = allowLocalServer(api, ["BANK_API_TOKEN", "SHOP_API_TOKEN", "CRM_API_KEY"]);
  // The after-sales fixture's CRM lookup keeps its own host (it only fails, as the histories expect).
  policy.allowed.push({ destination: "crm.example-shop.cn", allowInternal: false });
  policy.secrets = policy.secrets.map((binding) => (binding.secret === "CRM_API_KEY" ? { ...binding, destinations: ["crm.example-shop.cn"] } : binding));
  const stack = await startDevStack({ simulator: { timeScale: 0.2 }, stepsPerRun: 10, secrets: { BANK_API_TOKEN: "t", SHOP_API_TOKEN: "t" }, httpPolicy: policy });
  try {
    const bank = withNodeData(loadFixture("bank-ivr"), "lookup_card", { url: `${api.url}/v1/cards/{{card_number}}` });
    await stack.publishFlow(bank, { did: "1001" });
    const slowBank = withNodeData(loadFixture("bank-ivr"), "lookup_card", { url: `${api.url}/slow/{{card_number}}`, timeoutSeconds: 30 });
    await stack.publishFlow(slowBank, { did: "1002" });
    const open = { weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: "00:00", close: "24:00" })), holidays: [], extraOpenDays: [] };
    let shop = withNodeData(loadFixture("after-sales-ivr"), "order_lookup", { url: `${api.url}/v2/orders/{{order_number}}` });
    await stack.publishFlow(withNodeData(shop, "hours", open), { did: "1003" });
    shop = withNodeData(shop, "hours", { weekly: [], holidays: [], extraOpenDays: [] });
    await stack.publishFlow(shop, { did: "1004" });
    await stack.publishFlow(loadFixture("menu-retries-transfer"), { did: "1005" });
    await stack.publishFlow(counterLoopFlow(), { did: "1006" });

    const scenarios: Scenario[] = [
      { name: "bank-ivr-active-card", did: "1001", from: "139", script: "wait prompt; wait prompt; press 4111111111114242# gap 50ms; expect hangup", expectOutcome: "completed" },
      { name: "bank-ivr-hangup-during-http", did: "1002", from: "139", script: "wait prompt; wait prompt; press 4111111111114242#; wait 2s; hangup", expectOutcome: "caller-hangup" },
      {
        name: "after-sales-order-then-queue",
        did: "1003",
        from: "138",
        script: "wait prompt; press 1; wait prompt; press 202501#; wait prompt; wait prompt; wait prompt; wait prompt; press 2; expect end; wait 30s",
        expectOutcome: "transferred",
      },
      { name: "after-sales-voicemail", did: "1004", from: "138", script: "wait prompt; wait prompt end; wait 1500ms; talk 3s; press #; expect hangup", expectOutcome: "completed" },
      { name: "menu-retries-transfer", did: "1005", from: "137", script: "wait prompt; press 9; wait prompt; wait prompt; press 2; expect end; wait 30s", expectOutcome: "transferred" },
      { name: "counter-loop-continue-as-new", did: "1006", from: "136", script: `wait prompt; press ${"1".repeat(12)} gap 150ms; wait 3s; press 2; expect hangup`, expectOutcome: "completed" },
    ];

    await mkdir(OUT, { recursive: true });
    // Histories of calls started on older code (before-<patch>.*) stay: nothing records them again.
    for (const file of await readdir(OUT)) if (file.endsWith(".json") && !file.startsWith("before-")) await rm(path.join(OUT, file));
    for (const scenario of scenarios) {
      const callId = await stack.placeCall({ to: scenario.did, from: scenario.from, script: scenario.script });
      const { result } = await stack.waitForCall(callId);
      if (result?.outcome !== scenario.expectOutcome) {
        throw new Error(`${scenario.name}: outcome ${result?.outcome ?? "none"}, expected ${scenario.expectOutcome}`);
      }
      const runs = await saveHistories(stack, scenario, callId);
      console.log(`${scenario.name}: ${result.outcome}, ${runs} run(s)`);
    }
  } finally {
    await stack.stop();
    await api.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
