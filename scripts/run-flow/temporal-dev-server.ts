import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { Connection } from "@temporalio/client";

export interface TemporalDevServer {
  address: string;
  namespace: string;
  /** The server process itself (for memory measurements). */
  pid: number;
  stop(): Promise<void>;
}

export function temporalCliPath(): string {
  return process.env.TEMPORAL_CLI_PATH ?? path.join(process.env.HOME ?? "", ".cache/cc-flows/temporal-1.5.1/temporal");
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

/**
 * `temporal server start-dev` as a child process we own: its output stays out of the report (the
 * test environment's server prints a banner on our stdout) and its pid is known.
 */
export async function startTemporalDevServer(): Promise<TemporalDevServer> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const proc = spawn(
    temporalCliPath(),
    ["server", "start-dev", "--headless", "--ip", "127.0.0.1", "--port", String(port), "--log-level", "error", "--log-format", "json"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    if (output.length < 20_000) output += chunk.toString();
  };
  proc.stdout.on("data", keep);
  proc.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => proc.once("close", () => resolve()));
  const spawnErrors: Error[] = [];
  proc.once("error", (err) => spawnErrors.push(err));

  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
    const killer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (spawnErrors.length > 0 || proc.exitCode !== null) {
      const why = spawnErrors[0]?.message ?? `exit code ${proc.exitCode}`;
      if (spawnErrors.length === 0) await stop();
      throw new Error(`the Temporal dev server (${temporalCliPath()}) did not start: ${why}\n${output}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: "default" });
        break;
      } finally {
        await connection.close();
      }
    } catch (err) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the Temporal dev server did not answer on ${address} within 60 s: ${String(err)}\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const pid = proc.pid;
  if (pid === undefined) throw new Error("the Temporal dev server has no pid");
  return { address, namespace: "default", pid, stop };
}
