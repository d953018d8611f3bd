import type { DevStack } from "@/workers/dev-stack";
import type { TcpProxy } from "../../tests/support/tcp-proxy";
import type { TemporalDevServer } from "../run-flow/temporal-dev-server";

export interface ChaosTargets {
  stack: DevStack;
  /** Between the bridge and ARI: cutting it drops the bridge's WebSocket. */
  proxy: TcpProxy;
  bridgeAriUrl: string;
  temporal: TemporalDevServer;
  /** Between the bridge and the worker and PostgreSQL: cutting it is a database outage for them. */
  databaseProxy: TcpProxy;
}

export interface Fault {
  name: string;
  /** What happens, for the report. */
  description: string;
  /** Injects the fault and ends it; false when this fault cannot be injected here. */
  inject(targets: ChaosTargets): Promise<boolean>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const FAULTS: Fault[] = [
  {
    name: "bridge-kill",
    description: "bridge SIGKILL, restarted 3 s later",
    async inject({ stack, bridgeAriUrl }) {
      await stack.childBridge?.kill("SIGKILL");
      await sleep(3_000);
      await stack.startChildBridge({ ariUrl: bridgeAriUrl });
      return true;
    },
  },
  {
    name: "socket-drop",
    description: "bridge's WebSocket cut for 10 s (TCP proxy)",
    async inject({ proxy }) {
      proxy.cut();
      await sleep(10_000);
      proxy.restore();
      return true;
    },
  },
  {
    name: "worker-kill",
    description: "worker SIGKILL, restarted at once",
    async inject({ stack }) {
      await stack.childWorker?.kill("SIGKILL");
      await stack.startChildWorker();
      return true;
    },
  },
  {
    name: "worker-kill-two",
    description: "one of two workers SIGKILL, not restarted",
    async inject({ stack }) {
      const first = stack.childWorker;
      if (!first) return false;
      // The second worker starts while calls run on the first: their workflows are cached there.
      await stack.startChildWorker();
      await sleep(2_000);
      await first.kill("SIGKILL");
      return true;
    },
  },
  {
    name: "temporal-restart",
    description: "Temporal dev server SIGKILL, restarted 3 s later (same database file)",
    async inject({ temporal }) {
      await temporal.restart(3_000);
      return true;
    },
  },
  {
    name: "database-stop",
    description: "PostgreSQL cut for 10 s for the bridge and the worker (TCP proxy)",
    async inject({ databaseProxy }) {
      databaseProxy.cut();
      await sleep(10_000);
      databaseProxy.restore();
      return true;
    },
  },
];
