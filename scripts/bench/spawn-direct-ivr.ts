import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface DirectIvrProcess {
  pid: number;
  stop(): Promise<void>;
}

/** `node --import tsx scripts/bench/direct-ari-ivr.ts`: the pid is the IVR itself, not a wrapper. */
export async function spawnDirectIvr(env: Record<string, string>, verbose: boolean): Promise<DirectIvrProcess> {
  const proc = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/bench/direct-ari-ivr.ts")], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => proc.once("close", () => resolve()));
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`direct IVR did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (output.length < 20_000) output += text;
      if (verbose) process.stderr.write(`[direct-ivr ${proc.pid}] ${text}`);
      if (text.includes("[direct-ivr] ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", onData);
    proc.once("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`direct IVR exited with code ${code} before it was ready:\n${output}`));
    });
  });
  const pid = proc.pid;
  if (pid === undefined) throw new Error("direct IVR has no pid");
  return {
    pid,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      await exited;
    },
  };
}
