/**
 * Command-line flow runner: validates a flow file, runs one call through it on the ARI simulator (or,
 * with ARI_URL, a real Asterisk) with a real Temporal dev server, worker, bridge and PostgreSQL, and
 * prints the step trace.
 *   npx tsx scripts/run-flow.ts flow.json --from 13800000000 --to 4001 --script "wait prompt; press 1; hangup after 5s"
 *   ARI_URL=http://pbx:8088 npx tsx scripts/run-flow.ts flow.json --to 4001 --originate Local/4001@cc-test-caller
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { parseRunFlowArgs, USAGE, type RunFlowOptions } from "./run-flow/args";
import { formatIssues } from "./run-flow/format-issues";
import { loadFlowFile } from "./run-flow/load-flow-file";
import { renderReport } from "./run-flow/render-report";
import { runCall } from "./run-flow/run-call";
import { temporalCliPath } from "./run-flow/temporal-dev-server";

const note = (line: string) => process.stderr.write(`run-flow: ${line}\n`);

function secretsFrom(options: RunFlowOptions): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("CC_SECRET_") && value !== undefined && key.length > "CC_SECRET_".length) secrets[key.slice("CC_SECRET_".length)] = value;
  }
  for (const [name, value] of options.secrets) secrets[name] = value;
  return secrets;
}

/** A scratch database: the destinations named on the command line, every given secret bound to all of them. */
function httpPolicyFrom(options: RunFlowOptions, secretNames: string[]): HttpPolicy {
  return {
    allowed: options.allowHttp.map((destination) => ({ destination, allowInternal: false })),
    secrets: secretNames.map((secret) => ({ secret, destinations: options.allowHttp })),
  };
}

/** The CLI is self-contained: build the Temporal CLI the way scripts/test.sh does when it is missing. */
function ensureTemporalCli(): void {
  if (existsSync(temporalCliPath())) return;
  note(`Temporal CLI not found at ${temporalCliPath()}; building it (once)`);
  const built = spawnSync("bash", ["-c", "source scripts/lib/prereqs.sh && ensure_temporal_cli"], { stdio: ["ignore", 2, 2] });
  if (built.status !== 0) throw new Error("could not build the Temporal CLI");
}

async function main(argv: string[]): Promise<number> {
  const args = parseRunFlowArgs(argv, process.env);
  if (args.kind === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === "error") {
    process.stderr.write(`run-flow: ${args.message}\n\n${USAGE}\n`);
    return 1;
  }
  const options = args.options;
  const httpPolicy = httpPolicyFrom(options, Object.keys(secretsFrom(options)));
  // Checked like a submit would: HTTP nodes only to --allow-http destinations.
  const loaded = await loadFlowFile(options.file, { httpPolicy });
  if (!loaded.ok) {
    process.stderr.write(`run-flow: ${loaded.message}\n`);
    if (loaded.reason === "invalid") process.stderr.write(`${formatIssues(loaded.issues).join("\n")}\n`);
    return 1;
  }
  if (loaded.warnings.length > 0) note(`warnings:\n${formatIssues(loaded.warnings).join("\n")}`);
  ensureTemporalCli();

  let cleanup: (() => Promise<void>) | null = null;
  const interrupted = () => {
    note("interrupted; stopping");
    void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  const { report, timedOut } = await runCall(
    {
      graph: loaded.graph,
      from: options.from,
      to: options.to,
      script: options.script,
      language: options.language,
      timeScale: options.timeScale,
      asterisk: options.asterisk,
      originate: options.originate ?? null,
      timeoutMs: options.timeoutSeconds * 1000,
      secrets: secretsFrom(options),
      httpPolicy,
      verbose: options.verbose,
      note,
    },
    (fn) => (cleanup = fn),
  );
  const caller = options.asterisk
    ? `the dialplan of ${options.originate} on ${options.asterisk.url}`
    : options.originate
      ? `${options.script} (as the dialplan of ${options.originate})`
      : options.script;
  const context = { file: options.file, flowName: loaded.graph.name ?? "(unnamed flow)", from: options.from, to: options.to, script: caller };
  process.stdout.write(options.json ? `${JSON.stringify({ ...context, ...report, timedOut }, null, 2)}\n` : `${renderReport(context, report)}\n`);
  return timedOut || report.outcome === "failed" ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`run-flow: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(2);
  },
);
