import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AriSimulator } from "@/workers/ari-simulator";
import { startDevStack, type ChildWorker, type DevStack } from "@/workers/dev-stack";
import { createScratchDatabase } from "../run-flow/scratch-database";
import { startTemporalDevServer, type TemporalDevServer } from "../run-flow/temporal-dev-server";

const FLOW_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "ivr-3-level-menu.json");
/** The number the three-level menu IVR is published on. */
export const MENU_IVR_DID = "5000";

export interface MenuIvrStack {
  stack: DevStack;
  worker: ChildWorker;
  simulator: AriSimulator;
  /** Its own Temporal dev server, so its process can be measured. */
  server: TemporalDevServer;
}

/**
 * Runs `measure` against a stack of its own (scratch database, Temporal dev server, a child-process
 * worker, the simulator at `timeScale`) with the three-level menu IVR published, and tears it all down.
 */
export async function withMenuIvrStack<T>(timeScale: number, measure: (run: MenuIvrStack) => Promise<T>): Promise<T> {
  const graph: unknown = JSON.parse(await readFile(FLOW_FILE, "utf8"));
  const [db, server] = await Promise.all([createScratchDatabase(), startTemporalDevServer()]);
  try {
    const stack = await startDevStack({ databaseUrl: db.url, temporal: { address: server.address, namespace: server.namespace }, worker: "child-process", simulator: { timeScale } });
    try {
      const worker = stack.childWorker;
      const simulator = stack.simulator;
      if (!worker || !simulator) throw new Error("the dev stack did not start a child worker and a simulator");
      await stack.publishFlow(graph, { did: MENU_IVR_DID });
      return await measure({ stack, worker, simulator, server });
    } finally {
      await stack.stop();
    }
  } finally {
    await server.stop();
    await db.drop();
  }
}

/** Runs a bench script's main: exit 0 when it returns, 2 with the error on stderr when it throws. */
export function runBench(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(2);
    },
  );
}
