import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { Connection } from "@temporalio/client";
import { temporalCliPath } from "@/workers/temporal-cli-path";

export interface RestartableTemporal {
  address: string;
  /** Stops the server (SIGKILL: a crash) and starts it again on the same port and database file. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = address !== null && typeof address === "object" ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function answering(address: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: "default" });
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`the Temporal dev server did not answer on ${address}: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** `temporal server start-dev` with its state in `dbFile`, so workflows survive a restart of the server. */
export async function startRestartableTemporal(dbFile: string): Promise<RestartableTemporal> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  let proc: ChildProcess | null = null;

  const start = async () => {
    const child = spawn(
      temporalCliPath(),
      ["server", "start-dev", "--headless", "--ip", "127.0.0.1", "--port", String(port), "--db-filename", dbFile, "--log-level", "error"],
      { stdio: ["ignore", "ignore", "ignore"] },
    );
    proc = child;
    await answering(address, Date.now() + 60_000);
  };
  const kill = async (signal: NodeJS.Signals) => {
    const child = proc;
    proc = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
    child.kill(signal);
    await exited;
  };

  await start();
  return {
    address,
    async restart(downMs) {
      await kill("SIGKILL");
      await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    stop: () => kill("SIGTERM"),
  };
}
