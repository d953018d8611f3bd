import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type NativeConnection, type WorkflowBundleOption } from "@temporalio/worker";
import { createPrismaClient } from "../prisma/client";
import { createAriClient } from "./ari";
import { createCallActivities, type CallActivities } from "./activities/call-activities";
import { loadConfig } from "./config";
import { createEnvSecretStore } from "./secrets";
import { ownServices } from "./http-allow-list/own-services";
import { connectWorkerToTemporal } from "./temporal-connection";
import { createEspeakEngine, createMediaServer, createTtsService } from "./tts";

/** Entry of the workflow bundle. */
export const WORKFLOWS_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), "workflows", "index.ts");

export interface CallWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: CallActivities;
  /** A prebuilt bundle (bundleWorkflowCode) saves the bundling time when several workers start. */
  workflowBundle?: WorkflowBundleOption;
}

/** The Temporal worker that runs call workflows and their activities (also used in-process by tests). */
export function createCallWorker(options: CallWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities: options.activities,
    // Calls wait on people most of the time: many run at once on one worker.
    maxConcurrentWorkflowTaskExecutions: 100,
    maxConcurrentLocalActivityExecutions: 200,
    maxConcurrentActivityTaskExecutions: 200,
    maxCachedWorkflows: 2_000,
    shutdownGraceTime: "10s",
  });
}

/** Runs the worker process: Temporal worker + TTS media server, until SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const prisma = createPrismaClient(config.databaseUrl);
  const media = await createMediaServer({ cacheDir: config.tts.cacheDir, host: config.tts.mediaHost, port: config.tts.mediaPort });
  const tts = createTtsService({
    engine: createEspeakEngine(),
    cacheDir: config.tts.cacheDir,
    publicBaseUrl: config.tts.publicBaseUrl ?? media.url,
  });
  const ari = createAriClient(config.ari);
  const connection = await connectWorkerToTemporal(config.temporal);
  const worker = await createCallWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities: createCallActivities({
      ari,
      ariConfig: { app: config.ari.app, outboundTrunk: config.ari.outboundTrunk },
      prisma,
      tts,
      secrets: createEnvSecretStore(),
      ownServices: ownServices(config),
    }),
  });
  // Worker.run() installs its own SIGINT/SIGTERM handling and resolves once shut down gracefully.
  console.log(`[worker] polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}; TTS media at ${media.url}`);
  try {
    await worker.run();
  } finally {
    await Promise.allSettled([connection.close(), media.close(), prisma.$disconnect()]);
  }
  console.log("[worker] stopped");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error("[worker] fatal:", err);
    process.exit(1);
  });
}
