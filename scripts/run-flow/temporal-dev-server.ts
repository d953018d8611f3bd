import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { Connection } from "@temporalio/client";

export interface TemporalDevServer {
  address: string;
  namespace: string;
  /** The server process itself (for memory measurements); a new one after restart(). */
  readonly pid: number;
  /** Kills the server (SIGKILL: a crash) and starts it again on the same port and database file. */
  restart(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  /** Keep the server's state in this SQLite file, so workflows survive restart(); default in memory. */
  dbFile?: string;
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

/** A started server process whose output is kept (up to 20 kB) for the error message if it never answers. */
interface ServerProcess {
  proc: ChildProcess;
  output(): string;
  spawnError(): Error | undefined;
  exited: Promise<void>;
}

function spawnServer(port: number, options: TemporalDevServerOptions): ServerProcess {
  const args = ["server", "start-dev", "--headless", "--ip", "127.0.0.1", "--port", String(port), "--log-level", "error", "--log-format", "json"];
  if (options.dbFile) args.push("--db-filename", options.dbFile);
  const proc = spawn(temporalCliPath(), args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    if (output.length < 20_000) output += chunk.toString();
  };
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  let spawnError: Error | undefined;
  proc.once("error", (err) => {
    spawnError = err;
  });
  const exited = new Promise<void>((resolve) => proc.once("close", () => resolve()));
  return { proc, output: () => output, spawnError: () => spawnError, exited };
}

async function stopServer(server: ServerProcess, signal: NodeJS.Signals): Promise<void> {
  const { proc } = server;
  if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
  const killer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
  await server.exited;
  clearTimeout(killer);
}

async function untilAnswering(server: ServerProcess, address: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const spawnError = server.spawnError();
    if (spawnError || server.proc.exitCode !== null) {
      if (!spawnError) await stopServer(server, "SIGTERM");
      throw new Error(`the Temporal dev server (${temporalCliPath()}) did not start: ${spawnError?.message ?? `exit code ${server.proc.exitCode}`}\n${server.output()}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.describeNamespace({ namespace: "default" });
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      if (Date.now() > deadline) {
        await stopServer(server, "SIGTERM");
        throw new Error(`the Temporal dev server did not answer on ${address} within 60 s: ${String(err)}\n${server.output()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * `temporal server start-dev` as a child process we own: its output stays out of the report (the
 * test environment's server prints a banner on our stdout), its pid is known, and it can be crashed
 * and restarted (the chaos script).
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions = {}): Promise<TemporalDevServer> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  let server = spawnServer(port, options);
  await untilAnswering(server, address);
  return {
    address,
    namespace: "default",
    get pid() {
      const pid = server.proc.pid;
      if (pid === undefined) throw new Error("the Temporal dev server has no pid");
      return pid;
    },
    async restart(downMs) {
      await stopServer(server, "SIGKILL");
      await new Promise((r) => setTimeout(r, downMs));
      server = spawnServer(port, options);
      await untilAnswering(server, address);
    },
    stop: () => stopServer(server, "SIGTERM"),
  };
}
