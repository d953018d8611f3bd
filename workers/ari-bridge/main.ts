import { createPrismaClient } from "../../prisma/client";
import { createAriClient } from "../ari";
import { bridgeAsterisk, loadConfig } from "../config";
import { keepRoutingFresh } from "../persistence/keep-routing-fresh";
import { connectClientToTemporal } from "../temporal-connection";
import { BRIDGE_RECONNECT, createAriBridge, consoleBridgeLogger } from "./bridge";
import { createTemporalCallWorkflows } from "./call-workflows";
import { createEntryPointCache } from "./entry-point-cache";
import { createEntryResolver } from "./resolve-entry-point";

/**
 * The ARI bridge process. It runs apart from the worker: a worker that dies loses no caller
 * events, because Temporal keeps the signals until a worker runs the call again.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  // One bridge per Asterisk: ARI delivers an application's events to one WebSocket only.
  const asterisk = bridgeAsterisk(config);
  const prisma = createPrismaClient(config.databaseUrl);
  const client = await connectClientToTemporal(config.temporal);
  const ari = createAriClient({ url: asterisk.url, username: asterisk.username, password: asterisk.password, app: config.ari.app, reconnect: BRIDGE_RECONNECT });
  const log = (message: string) => consoleBridgeLogger.info(message);
  // Answers the entry point lookup when the database does not: calls are routed during an outage.
  const entryPoints = createEntryPointCache(prisma, { log });
  const routing = keepRoutingFresh(config.databaseUrl, [entryPoints], log);
  const bridge = createAriBridge({
    ari,
    workflows: createTemporalCallWorkflows(client, config.temporal.taskQueue, asterisk.id),
    resolveEntry: createEntryResolver(prisma, { cache: entryPoints }),
    app: config.ari.app,
    stepsPerRun: config.callStepsPerRun,
  });
  const detach = bridge.attach();
  await ari.events.connect();
  consoleBridgeLogger.info(`subscribed to Stasis app "${config.ari.app}" at ${asterisk.url} (Asterisk "${asterisk.id}")`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    consoleBridgeLogger.info(`${signal}: stopping`);
    detach();
    await ari.events.close();
    await bridge.idle();
    await Promise.allSettled([client.connection.close(), routing.close(), prisma.$disconnect()]);
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err: unknown) => {
  console.error("[ari-bridge] fatal:", err);
  process.exit(1);
});
