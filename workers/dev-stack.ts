import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Client } from "@temporalio/client";
import { WorkflowNotFoundError } from "@temporalio/common";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundleOption } from "@temporalio/worker";
import { mapEntryPoint } from "../app/_server/flows/map-entry-point";
import { publishFlow } from "../app/_server/flows/publish-flow";
import { createPrismaClient, type PrismaClient } from "../prisma/client";
import { createTestDatabase } from "../tests/support/test-database";
import { createAriClient } from "./ari";
import { DEFAULT_ASTERISK_ID } from "./default-asterisk-id";
import { createCallActivities } from "./activities/call-activities";
import { startAriSimulator, type AriSimulator, type PlaceCallRequest, type SimulatorOptions } from "./ari-simulator";
import type { CallStatus } from "./ari-simulator/control/client";
import { BRIDGE_RECONNECT, createAriBridge, type AriBridge, type BridgeLogger } from "./ari-bridge/bridge";
import { createTemporalCallWorkflows } from "./ari-bridge/call-workflows";
import { createEntryPointCache, type EntryPointSnapshot } from "./ari-bridge/entry-point-cache";
import { createEntryResolver } from "./ari-bridge/resolve-entry-point";
import { keepRoutingFresh } from "./persistence/keep-routing-fresh";
import { createPlanCache, type PlanCache } from "./persistence/plan-cache";
import { createCallWorker, WORKFLOWS_PATH } from "./worker";
import { startQueueClock } from "./queues/queue-clock";
import { startOfferDispatcher, temporalOfferSignal } from "./queues/offer-dispatcher";
import type { ProcessName } from "./workflow-bundle/bundle-manifest";
import { prebuiltProcessEntry } from "./workflow-bundle/prebuilt-process-entry";
import { prebuiltWorkflowBundle } from "./workflow-bundle/prebuilt-workflow-bundle";
import { workflowBundleOptions } from "./workflow-bundle/workflow-bundle-options";
import { createMemorySecretStore } from "./secrets";
import { writeHttpPolicy } from "./http-allow-list/write-http-policy";
import type { HttpPolicy } from "../flows-runtime/nodes/http-request/http-policy";
import { temporalCliPath } from "./temporal-cli-path";
import { connectClientToTemporal, connectWorkerToTemporal } from "./temporal-connection";
import { createEspeakEngine, createMediaServer, createTtsService, type MediaServer, type TtsService } from "./tts";
import type { IvrCallResult } from "./workflows/call-input";
import { callWorkflowId } from "./workflows/signals";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface DevStackOptions {
  /** An existing Temporal cluster; default: a local dev server (the Temporal CLI binary). */
  temporal?: { address: string; namespace?: string };
  /** A real Asterisk (or a running simulator); default: an in-process ARI simulator. */
  ari?: { url: string; username: string; password: string };
  /** How the worker holds queued callers (QUEUE_MOH_CLASS, QUEUE_ANNOUNCE_SECONDS). */
  queueHold?: { mohClass?: string; announceEverySeconds?: number };
  /** Options of the in-process simulator (timeScale, sounds, busy numbers…). */
  simulator?: SimulatorOptions;
  /** Default: a fresh test database (createTestDatabase; needs scripts/test.sh's template). */
  databaseUrl?: string;
  /** What the worker and the bridge connect to instead (a TCP proxy an outage test cuts); default databaseUrl. */
  serviceDatabaseUrl?: string;
  /** "in-process" (default), "child-process" (`node --import tsx workers/worker.ts`, killable) or "none". */
  worker?: "in-process" | "child-process" | "none";
  /** Default true: the ARI bridge runs in-process; "child-process" runs `workers/ari-bridge/main.ts` (killable); false: none (start one with startBridge). */
  bridge?: boolean | "child-process";
  taskQueue?: string;
  app?: string;
  outboundTrunk?: string;
  /** Secrets HTTP nodes may use ({{secret.NAME}}). */
  secrets?: Record<string, string>;
  /** HTTP allow-list entries and secret bindings written to the database before flows are published or run. */
  httpPolicy?: HttpPolicy;
  /** Continue-as-new every N steps (passed to each call by the bridge). */
  stepsPerRun?: number;
  /** A TTS service to use instead of espeak-ng (in-process worker only). */
  tts?: TtsService;
  /** Where the in-process worker serves prompts (a real Asterisk must reach it); default 127.0.0.1, port 0. */
  ttsMedia?: { host: string; port: number; publicBaseUrl?: string };
  /** Print worker and bridge logs (default: warnings only). */
  verbose?: boolean;
}

export interface PublishedFlow {
  flowId: string;
  versionId: string;
  number: number;
}

export interface CallOutcome {
  status: CallStatus;
  /** The workflow's result; null when no workflow ran (unknown number). */
  result: IvrCallResult | null;
}

export interface ChildWorker {
  readonly pid: number;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A bridge child process (same controls as a worker's). */
export type ChildBridge = ChildWorker;

export interface BridgeStartOptions {
  /** ARI base URL the bridge uses (e.g. through a TCP proxy); default the stack's. */
  ariUrl?: string;
}

export interface DevStack {
  temporal: { address: string; namespace: string; client: Client };
  ari: { url: string; username: string; password: string; app: string };
  simulator: AriSimulator | null;
  databaseUrl: string;
  prisma: PrismaClient;
  taskQueue: string;
  /** Child-process worker controls (worker: "child-process"). */
  childWorker: ChildWorker | null;
  /** The in-process bridge's and worker's routing caches (null when not running in this process). */
  routing: { entryPoints(): EntryPointSnapshot | null; plans: PlanCache | null };
  /** Starts a worker child process again after a kill (worker: "child-process"). */
  startChildWorker(): Promise<ChildWorker>;
  /** The bridge child process (bridge: "child-process"), the latest one started. */
  readonly childBridge: ChildBridge | null;
  /** Starts an ARI bridge in a child process; resolves once it is subscribed to the Stasis app. */
  startChildBridge(options?: BridgeStartOptions): Promise<ChildBridge>;
  /** Starts an ARI bridge in this process (stopped with the stack); resolves once subscribed. */
  startBridge(options?: BridgeStartOptions): Promise<void>;
  publishFlow(graph: unknown, options?: { flowId?: string; did?: string; stasisArg?: string }): Promise<PublishedFlow>;
  /** Places a scripted inbound call on the simulator; returns its channel id. */
  placeCall(request: PlaceCallRequest): Promise<string>;
  /** Waits until the caller's call is over and its workflow has finished. */
  waitForCall(callId: string, timeoutMs?: number): Promise<CallOutcome>;
  getExecution(callId: string): ReturnType<typeof loadExecution>;
  /** Text and language behind a TTS URL the worker produced (in-process worker only). */
  ttsText(url: string): { text: string; language: string } | undefined;
  stop(): Promise<void>;
}

function loadExecution(prisma: PrismaClient, callId: string) {
  return prisma.callExecution.findUnique({
    where: { workflowId: callWorkflowId(callId) },
    include: { steps: { orderBy: { seq: "asc" } }, recordings: { orderBy: { createdAt: "asc" } } },
  });
}

let bundle: Promise<WorkflowBundleOption> | null = null;
/** The bundle scripts/test.sh built when it matches the sources; else bundling (seconds), once per process. */
function workflowBundle(): Promise<WorkflowBundleOption> {
  bundle ??= prebuiltWorkflowBundle().then(
    (prebuilt): Promise<WorkflowBundleOption> | WorkflowBundleOption =>
      prebuilt.ok ? { codePath: prebuilt.codePath } : bundleWorkflowCode(workflowBundleOptions()),
  );
  return bundle;
}

let runtimeInstalled = false;
function installQuietRuntime(verbose: boolean): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger(verbose ? "INFO" : "WARN") });
  } catch {
    // Already installed by the embedding process: keep its logger.
  }
}

const quietLogger: BridgeLogger = { info: () => undefined, warn: (m, f) => console.warn(`[ari-bridge] ${m}`, f ?? ""), error: (m, f) => console.error(`[ari-bridge] ${m}`, f ?? "") };
const verboseLogger: BridgeLogger = { ...quietLogger, info: (m, f) => console.log(`[ari-bridge] ${m}`, f ?? "") };

/**
 * Temporal + ARI (simulator) + database + worker + bridge, for tests, the CLI runner and the
 * benchmark. Everything it started is stopped by stop(), in reverse order.
 */
export async function startDevStack(options: DevStackOptions = {}): Promise<DevStack> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const taskQueue = options.taskQueue ?? `cc-flows-${process.pid}-${Date.now().toString(36)}`;
  const app = options.app ?? "cc-flows";
  const verbose = options.verbose ?? false;
  installQuietRuntime(verbose);

  async function stop(): Promise<void> {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((err: unknown) => console.error("[dev-stack] cleanup failed:", err));
    }
    cleanups.length = 0;
  }

  try {
    // Database
    let databaseUrl: string;
    let prisma: PrismaClient;
    if (options.databaseUrl) {
      databaseUrl = options.databaseUrl;
      prisma = createPrismaClient(databaseUrl);
      cleanups.push(() => prisma.$disconnect());
    } else {
      const db = await createTestDatabase();
      databaseUrl = db.url;
      prisma = db.prisma;
      cleanups.push(() => db.drop());
    }
    if (options.httpPolicy) await writeHttpPolicy(prisma, options.httpPolicy);

    let servicePrisma = prisma;
    const serviceDatabaseUrl = options.serviceDatabaseUrl ?? databaseUrl;
    if (serviceDatabaseUrl !== databaseUrl) {
      const own = createPrismaClient(serviceDatabaseUrl);
      servicePrisma = own;
      cleanups.push(() => own.$disconnect());
    }
    const cacheLog = verbose ? (message: string) => console.log(`[dev-stack] ${message}`) : undefined;

    // Temporal
    let address: string;
    let namespace: string;
    let client: Client;
    if (options.temporal) {
      address = options.temporal.address;
      namespace = options.temporal.namespace ?? "default";
      client = await connectClientToTemporal({ address, namespace, taskQueue, tls: null });
      cleanups.push(() => client.connection.close());
    } else {
      const env = await TestWorkflowEnvironment.createLocal({
        server: {
          executable: { type: "existing-path", path: temporalCliPath() },
        },
      });
      cleanups.push(() => env.teardown());
      address = env.address;
      namespace = env.namespace ?? "default";
      client = env.client;
    }

    // ARI
    let simulator: AriSimulator | null = null;
    let ariConn: { url: string; username: string; password: string };
    if (options.ari) {
      ariConn = options.ari;
    } else {
      const sim = await startAriSimulator({ port: 0, username: "asterisk", password: "asterisk", defaultApp: app, ...options.simulator });
      simulator = sim;
      cleanups.push(() => sim.close());
      ariConn = { url: sim.url, username: "asterisk", password: "asterisk" };
    }

    // Worker
    const ttsTexts = new Map<string, { text: string; language: string }>();
    let child: ChildWorker | null = null;
    const workerEnv = {
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      ARI_URL: ariConn.url,
      ARI_SIMULATOR: simulator ? "1" : "",
      ARI_USERNAME: ariConn.username,
      ARI_PASSWORD: ariConn.password,
      ARI_APP: app,
      ARI_OUTBOUND_TRUNK: options.outboundTrunk ?? "",
      DATABASE_URL: serviceDatabaseUrl,
      ...(options.queueHold?.mohClass ? { QUEUE_MOH_CLASS: options.queueHold.mohClass } : {}),
      ...(options.queueHold?.announceEverySeconds ? { QUEUE_ANNOUNCE_SECONDS: String(options.queueHold.announceEverySeconds) } : {}),
    };
    let ttsDir: string | null = null;
    const ensureTtsDir = async () => {
      if (ttsDir === null) {
        const dir = await mkdtemp(path.join(tmpdir(), "cc-flows-tts-"));
        ttsDir = dir;
        cleanups.push(() => rm(dir, { recursive: true, force: true }));
      }
      return ttsDir;
    };
    const startChildWorker = async (): Promise<ChildWorker> => {
      const secretsEnv = Object.fromEntries(Object.entries(options.secrets ?? {}).map(([k, v]) => [`CC_SECRET_${k}`, v]));
      const spawned = await spawnWorker({
        ...workerEnv,
        ...secretsEnv,
        TTS_CACHE_DIR: await ensureTtsDir(),
        TTS_MEDIA_PORT: "0",
      }, verbose);
      child = spawned;
      cleanups.push(() => spawned.kill("SIGTERM"));
      return spawned;
    };
    const mode = options.worker ?? "in-process";
    let planCache: PlanCache | null = null;
    if (mode === "in-process") {
      let tts = options.tts;
      if (!tts) {
        const cacheDir = await ensureTtsDir();
        const media: MediaServer = await createMediaServer({ cacheDir, host: options.ttsMedia?.host ?? "127.0.0.1", port: options.ttsMedia?.port ?? 0 });
        cleanups.push(() => media.close());
        tts = createTtsService({ engine: createEspeakEngine(), cacheDir, publicBaseUrl: options.ttsMedia?.publicBaseUrl ?? media.url });
      }
      const baseTts = tts;
      const recordingTts: TtsService = {
        async urlFor(text, language, voice) {
          const url = await baseTts.urlFor(text, language, voice);
          ttsTexts.set(url, { text, language });
          return url;
        },
        async promptFor(text, language, voice) {
          const prompt = await baseTts.promptFor(text, language, voice);
          ttsTexts.set(prompt.url, { text, language });
          return prompt;
        },
      };
      const plans = createPlanCache(servicePrisma, { log: cacheLog });
      planCache = plans;
      const routing = keepRoutingFresh(serviceDatabaseUrl, [plans], cacheLog);
      cleanups.push(() => routing.close());
      const connection = await connectWorkerToTemporal({ address, namespace, taskQueue, tls: null });
      const worker = await createCallWorker({
        connection,
        namespace,
        taskQueue,
        workflowBundle: await workflowBundle(),
        activities: createCallActivities({
          asterisks: new Map([[DEFAULT_ASTERISK_ID, { ari: createAriClient({ ...ariConn, app }), outboundTrunk: options.outboundTrunk }]]),
          ariConfig: { app },
          prisma: servicePrisma,
          plans,
          tts: recordingTts,
          secrets: createMemorySecretStore(options.secrets ?? {}),
          queueHold: { mohClass: options.queueHold?.mohClass ?? "default", announceEverySeconds: options.queueHold?.announceEverySeconds ?? 30 },
        }),
      });
      const queueClock = startQueueClock(servicePrisma, { everyMs: 250, log: cacheLog });
      const offers = startOfferDispatcher(servicePrisma, { databaseUrl: serviceDatabaseUrl, signal: temporalOfferSignal(client), sweepEveryMs: 1_000, log: cacheLog });
      cleanups.push(async () => {
        await offers.close();
        await queueClock.stop();
      });
      const running = worker.run();
      cleanups.push(async () => {
        if (worker.getState() === "RUNNING") worker.shutdown();
        await running.catch(() => undefined);
        await connection.close();
      });
    } else if (mode === "child-process") {
      await startChildWorker();
    }

    // Bridge
    const bridges: AriBridge[] = [];
    let entryPointSnapshot = (): EntryPointSnapshot | null => null;
    const startBridge = async (opts: BridgeStartOptions = {}): Promise<void> => {
      const ariClient = createAriClient({ ...ariConn, url: opts.ariUrl ?? ariConn.url, app, reconnect: BRIDGE_RECONNECT });
      // Answers the entry point lookup when the database does not: calls are routed during an outage.
      const entryPoints = createEntryPointCache(servicePrisma, { log: cacheLog });
      entryPointSnapshot = entryPoints.current;
      const routing = keepRoutingFresh(serviceDatabaseUrl, [entryPoints], cacheLog);
      cleanups.push(() => routing.close());
      const b = createAriBridge({
        ari: ariClient,
        workflows: createTemporalCallWorkflows(client, taskQueue),
        resolveEntry: createEntryResolver(servicePrisma, { cache: entryPoints }),
        app,
        stepsPerRun: options.stepsPerRun,
        log: verbose ? verboseLogger : quietLogger,
      });
      bridges.push(b);
      const detach = b.attach();
      await ariClient.events.connect();
      cleanups.push(async () => {
        detach();
        await ariClient.events.close();
        await b.idle();
      });
    };
    let childBridge: ChildBridge | null = null;
    const startChildBridge = async (opts: BridgeStartOptions = {}): Promise<ChildBridge> => {
      const spawned = await spawnProcess(
        "ari-bridge",
        path.join(ROOT, "workers", "ari-bridge", "main.ts"),
        "subscribed to Stasis app",
        {
          ...workerEnv,
          ARI_URL: opts.ariUrl ?? ariConn.url,
          ...(options.stepsPerRun ? { CALL_STEPS_PER_RUN: String(options.stepsPerRun) } : {}),
        },
        verbose,
      );
      childBridge = spawned;
      cleanups.push(() => spawned.kill("SIGTERM"));
      return spawned;
    };
    const bridgeMode = options.bridge ?? true;
    if (bridgeMode === "child-process") await startChildBridge();
    else if (bridgeMode) await startBridge();

    const stack: DevStack = {
      temporal: { address, namespace, client },
      ari: { ...ariConn, app },
      simulator,
      databaseUrl,
      prisma,
      taskQueue,
      routing: { entryPoints: () => entryPointSnapshot(), plans: planCache },
      get childWorker() {
        return child;
      },
      startChildWorker,
      get childBridge() {
        return childBridge;
      },
      startChildBridge,
      startBridge,
      async publishFlow(graph, opts = {}) {
        const published = await publishFlow({ graph, flowId: opts.flowId }, prisma);
        if (!published.ok) {
          const lines = published.issues.map((i) => `  ${i.severity} ${i.code}${i.nodeId ? ` @${i.nodeId}` : ""}: ${i.message}`);
          throw new Error(`graph does not compile:\n${lines.join("\n")}`);
        }
        if (opts.did) await mapEntryPoint(published.flowId, { kind: "did", value: opts.did }, prisma);
        if (opts.stasisArg) await mapEntryPoint(published.flowId, { kind: "stasis-arg", value: opts.stasisArg }, prisma);
        return { flowId: published.flowId, versionId: published.versionId, number: published.number };
      },
      async placeCall(request) {
        if (!simulator) throw new Error("placeCall needs the in-process ARI simulator");
        const placed = await simulator.control.placeCall(request);
        if (placed.rejected) throw new Error(`call to ${request.to} was rejected: no Stasis application registered`);
        return placed.callId;
      },
      async waitForCall(callId, timeoutMs = 45_000) {
        if (!simulator) throw new Error("waitForCall needs the in-process ARI simulator");
        const status = await simulator.control.waitForCall(callId, timeoutMs);
        await Promise.all(bridges.map((b) => b.idle()));
        let result: IvrCallResult | null = null;
        try {
          result = await client.workflow.getHandle(callWorkflowId(callId)).result();
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
        return { status, result };
      },
      getExecution: (callId) => loadExecution(prisma, callId),
      ttsText: (url) => ttsTexts.get(url),
      stop,
    };
    return stack;
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * The worker: the pid is the worker itself (not an npx or tsx wrapper), so SIGKILL really kills
 * the worker. Resolves once it polls its task queue.
 */
function spawnWorker(env: Record<string, string>, verbose: boolean): Promise<ChildWorker> {
  return spawnProcess("worker", path.join(ROOT, "workers", "worker.ts"), "[worker] polling", env, verbose);
}

/** `node .build/<name>.mjs` (prebuilt, when it matches the sources), else `node --import tsx <script>`. */
async function spawnProcess(name: ProcessName, script: string, readyText: string, env: Record<string, string>, verbose: boolean): Promise<ChildWorker> {
  const prebuilt = await prebuiltProcessEntry(name);
  if (prebuilt.ok) return spawnChild(name, prebuilt.codePath, readyText, env, verbose, []);
  if (verbose) console.log(`[dev-stack] ${prebuilt.reason}: the ${name} runs through tsx`);
  return spawnChild(name, script, readyText, env, verbose);
}

/** `node --import tsx <script>` (or with other node options), resolved once its output contains `readyText`. */
export async function spawnChild(
  name: string,
  script: string,
  readyText: string,
  env: Record<string, string>,
  verbose: boolean,
  nodeOptions: string[] = ["--import", "tsx"],
): Promise<ChildWorker> {
  const proc: ChildProcess = spawn(process.execPath, [...nodeOptions, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (verbose) process.stdout.write(`[${name} ${proc.pid}] ${text}`);
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (verbose) process.stderr.write(`[${name} ${proc.pid}] ${chunk.toString()}`);
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it started:\n${output}`));
    });
  });
  const pid = proc.pid;
  if (pid === undefined) throw new Error(`${name} process has no pid`);
  return {
    pid,
    async kill(signal = "SIGTERM") {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      await exited;
    },
  };
}
