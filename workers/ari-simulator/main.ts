/**
 * ARI simulator entry.
 *   npx tsx workers/ari-simulator/main.ts                 serve (ARI_SIM_PORT, ARI_USERNAME, ARI_PASSWORD, ARI_SIM_TIME_SCALE,
 *                                                         ARI_SIM_SOUNDS_DIR: real sound files to time prompts by; "" = built-in table)
 *   npx tsx workers/ari-simulator/main.ts call --to 4001 --from 13800000000 --script "wait prompt; press 2; hangup after 5s"
 *       places a scripted call on a running simulator (ARI_SIM_URL, default http://127.0.0.1:8088) and prints its log.
 */
import { createSimulatorControl } from "./control/client";
import { startAriSimulator } from "./server";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  if (process.argv[2] === "call") {
    const control = createSimulatorControl(process.env.ARI_SIM_URL ?? "http://127.0.0.1:8088");
    const to = arg("to");
    const from = arg("from") ?? "13800000000";
    if (!to) throw new Error("--to is required");
    const { callId, rejected } = await control.placeCall({ to, from, script: arg("script"), app: arg("app") });
    if (rejected) throw new Error(`call ${callId} rejected: no Stasis application registered`);
    const status = await control.waitForCall(callId, Number(arg("timeout") ?? 120_000));
    process.stdout.write(JSON.stringify(status, null, 2) + "\n");
    return;
  }
  const sim = await startAriSimulator({
    port: Number(process.env.ARI_SIM_PORT ?? 8088),
    host: process.env.ARI_SIM_HOST ?? "0.0.0.0",
    username: process.env.ARI_USERNAME ?? "asterisk",
    password: process.env.ARI_PASSWORD ?? "asterisk",
    timeScale: Number(process.env.ARI_SIM_TIME_SCALE ?? 1),
    ...(process.env.ARI_SIM_SOUNDS_DIR === undefined ? {} : { soundsDir: process.env.ARI_SIM_SOUNDS_DIR || null }),
  });
  process.stdout.write(`ARI simulator listening on ${sim.url} (ARI at /ari, control at /_sim)\n`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
