import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { TtsError } from "./tts-engine";

export interface PipelineStage {
  command: string;
  args: string[];
}

export interface PipelineOptions {
  timeoutMs: number;
  /** The last stage's stdout is refused beyond this size. */
  maxOutputBytes: number;
}

interface RunningStage {
  command: string;
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  stderr: string;
  failure: string | null;
  killed: boolean;
}

const STDERR_KEEP = 2_000;

/**
 * Runs `first | second | …` without a shell: `input` goes to the first stage's stdin, the last
 * stage's stdout is returned. Every stage must exit 0 before the deadline. When one fails the
 * others are killed and the earliest failing stage is reported: a failure upstream makes every
 * later stage fail too, so the first one is the cause.
 */
export function runPipeline(stages: PipelineStage[], input: string, options: PipelineOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const running: RunningStage[] = [];
    const output: Buffer[] = [];
    let outputBytes = 0;
    let open = stages.length;
    let settled = false;
    let overflow: string | null = null;

    const killAll = () => {
      for (const stage of running) {
        if (stage.child.exitCode !== null || stage.child.signalCode !== null) continue;
        stage.killed = true;
        stage.child.kill("SIGKILL");
      }
    };
    const settle = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error === null) resolve(Buffer.concat(output, outputBytes));
      else reject(new TtsError(error));
    };
    const stageFailed = (stage: RunningStage, message: string) => {
      stage.failure ??= message;
      killAll();
    };
    const names = stages.map((s) => s.command).join(" | ");
    const timer = setTimeout(() => {
      killAll();
      settle(`${names} timed out after ${options.timeoutMs} ms`);
    }, options.timeoutMs);

    for (const spec of stages) {
      const child = spawn(spec.command, spec.args, { stdio: ["pipe", "pipe", "pipe"], shell: false });
      const stage: RunningStage = { command: spec.command, child, stderr: "", failure: null, killed: false };
      running.push(stage);
      child.on("error", (err) => stageFailed(stage, `${spec.command} could not be started: ${err.message}`));
      child.stderr.on("data", (chunk: Buffer) => {
        if (stage.stderr.length < STDERR_KEEP) stage.stderr += chunk.toString("utf8");
      });
      // A stage exiting early closes the pipe; the resulting EPIPE shows up as that stage's exit status.
      child.stdin.on("error", () => undefined);
      child.on("close", (code, signal) => {
        if (code !== 0 && !stage.killed) {
          const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
          const detail = stage.stderr.trim().slice(0, STDERR_KEEP);
          stageFailed(stage, `${spec.command} ${why}${detail ? `: ${detail}` : ""}`);
        }
        open -= 1;
        if (open > 0) return;
        const failure = running.find((s) => s.failure !== null)?.failure ?? overflow;
        settle(failure);
      });
    }

    running.forEach((stage, i) => {
      const next = running[i + 1];
      if (next) {
        stage.child.stdout.pipe(next.child.stdin);
        return;
      }
      stage.child.stdout.on("data", (chunk: Buffer) => {
        if (overflow) return;
        outputBytes += chunk.length;
        if (outputBytes <= options.maxOutputBytes) {
          output.push(chunk);
          return;
        }
        overflow = `${stage.command} produced more than ${options.maxOutputBytes} bytes`;
        killAll();
      });
    });
    const first = running[0];
    if (first) first.child.stdin.end(input, "utf8");
    else settle("empty pipeline");
  });
}
