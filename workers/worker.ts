import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type NativeConnection, type WorkflowBundleOption } from "@temporalio/worker";
import { createPrismaClient } from "../prisma/client";
import { asteriskConnections } from "./activities/asterisk-connections";
import { createCallActivities, type CallActivities } from "./activities/call-activities";
import { loadConfig } from "./config";
import { keepRoutingFresh } from "./persistence/keep-routing-fresh";
import { createPlanCache } from "./persistence/plan-cache";
import { startQueueClock } from "./queues/queue-clock";
import { createEnvSecretStore } from "./secrets";
import { ownServices } from "./http-allow-list/own-services";
import { connectClientToTemporal, connectWorkerToTemporal } from "./temporal-connection";
import { startOfferDispatcher, temporalOfferSignal } from "./queues/offer-dispatcher";
import { createEspeakEngine, createMediaServer, createTtsService } from "./tts";
import { WORKFLOWS_PATH } from "./workflow-bundle/bundle-manifest";
import { prebuiltWorkflowBundle } from "./workflow-bundle/prebuilt-workflow-bundle";

export { WORKFLOWS_PATH };

/**
 * A workflow task that sat this long on a sticky queue (its worker's own) moves to the shared queue:
 * when that worker was killed, another one takes the call over after this delay, not after 10 s.
 */
export const STICKY_QUEUE_SCHEDULE_TO_START_TIMEOUT = "1s";

/** Workflow tasks one worker holds at once (see createCallWorker). */
export const WORKFLOW_TASK_SLOTS = 8;

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
    // Calls wait on people most of the time: many run at once on one worker. But not every workflow
    // task at once: a task's timeout runs from when it is polled, and the worker's one workflow thread
    // shares its CPU among the tasks it holds. A worker that takes over a dead worker's calls replays
    // each of them; with 100 task slots it started them all, and on a loaded machine every replay
    // outlasted the 2 s task timeout, ran again and again, until the callers' menus timed out (README
    // "A killed worker"). The others wait in the task queue, where no timeout runs. Not fewer than 8:
    // a task holds its slot while its local activities run, and during a database outage each new
    // call's plan lookup waits up to 1.5 s (with 2 slots, calls arriving at 2/s went unanswered).
    maxConcurrentWorkflowTaskExecutions: WORKFLOW_TASK_SLOTS,
    maxConcurrentLocalActivityExecutions: 200,
    maxConcurrentActivityTaskExecutions: 200,
    maxCachedWorkflows: 2_000,
    stickyQueueScheduleToStartTimeout: STICKY_QUEUE_SCHEDULE_TO_START_TIMEOUT,
    shutdownGraceTime: "10s",
  });
}

/** Runs the worker process: Temporal worker + TTS media server, until SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const prisma = createPrismaClient(config.databaseUrl);
  const log = (message: string) => console.log(`[worker] ${message}`);
  // Plans by version id and every flow's live version: calls start while the database is unreachable.
  const plans = createPlanCache(prisma, { log });
  const [media, connection, client, bundle] = await Promise.all([
    createMediaServer({ cacheDir: config.tts.cacheDir, host: config.tts.mediaHost, port: config.tts.mediaPort }),
    connectWorkerToTemporal(config.temporal),
    connectClientToTemporal(config.temporal),
    prebuiltWorkflowBundle(),
  ]);
  const tts = createTtsService({
    engine: createEspeakEngine(),
    cacheDir: config.tts.cacheDir,
    publicBaseUrl: config.tts.publicBaseUrl ?? media.url,
  });
  if (!bundle.ok) console.warn(`[worker] ${bundle.reason}: bundling the workflow code now (seconds); run npx tsx scripts/build-workflow-bundle.ts`);
  const worker = await createCallWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    ...(bundle.ok ? { workflowBundle: { codePath: bundle.codePath } } : {}),
    activities: createCallActivities({
      asterisks: asteriskConnections(config.ari.servers, config.ari.app),
      ariConfig: { app: config.ari.app },
      prisma,
      plans,
      tts,
      secrets: createEnvSecretStore(),
      ownServices: ownServices(config),
      queueHold: config.queueCalls,
    }),
  });
  // Loaded once the worker exists, not competing with its start for the CPU.
  const routing = keepRoutingFresh(config.databaseUrl, [plans], log);
  // Rings out unanswered queue offers and ends wrap-ups; every worker may run one (they take turns on a lock).
  const queueClock = startQueueClock(prisma, { log });
  // Offers reach the call workflows that ring the agents (NOTIFY, and a sweep of the offered rows).
  const offers = startOfferDispatcher(prisma, { databaseUrl: config.databaseUrl, signal: temporalOfferSignal(client), log });
  // Worker.run() installs its own SIGINT/SIGTERM handling and resolves once shut down gracefully.
  console.log(`[worker] polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}; TTS media at ${media.url}`);
  try {
    await worker.run();
  } finally {
    await Promise.allSettled([
      connection.close(),
      media.close(),
      routing.close(),
      Promise.all([queueClock.stop(), offers.close()]).then(() => Promise.all([prisma.$disconnect(), client.connection.close()])),
    ]);
  }
  console.log("[worker] stopped");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error("[worker] fatal:", err);
    process.exit(1);
  });
}
