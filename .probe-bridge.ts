import { spawn } from "node:child_process";
import { startDevStack } from "./workers/dev-stack";
import { loadFixture } from "./tests/support/fixtures";
const stack = await startDevStack({ worker: "child-process", bridge: false, simulator: { timeScale: 0.2 } });
const bridge = spawn(process.execPath, ["--import", "tsx", "workers/ari-bridge/main.ts"], {
  env: { ...process.env, TEMPORAL_ADDRESS: stack.temporal.address, TEMPORAL_TASK_QUEUE: stack.taskQueue, ARI_URL: stack.ari.url, DATABASE_URL: stack.databaseUrl },
  stdio: ["ignore", "pipe", "pipe"],
});
let out = "";
bridge.stdout.on("data", (d) => (out += d));
bridge.stderr.on("data", (d) => (out += d));
try {
  await new Promise<void>((resolve, reject) => {
    const t = setInterval(() => { if (out.includes("subscribed to Stasis app")) { clearInterval(t); resolve(); } }, 100);
    setTimeout(() => reject(new Error(out)), 30000);
  });
  await stack.publishFlow(loadFixture("menu-retries-transfer"), { did: "4000" });
  const callId = await stack.placeCall({ to: "4000", from: "100", script: "wait prompt; press 2; expect end" });
  const { result, status } = await stack.waitForCall(callId);
  console.log("outcome", result?.outcome, status.continuedTo);
  bridge.kill("SIGTERM");
  await new Promise((r) => bridge.once("exit", (code) => { console.log("bridge exit", code); r(null); }));
  console.log(out.split("\n").slice(0, 8).join("\n"));
} finally {
  bridge.kill("SIGKILL");
  await stack.stop();
}
