import { parseArgs } from "node:util";
import { z } from "zod";
import { destinationSchema } from "@/flows-runtime/nodes/http-request/http-policy";

export const USAGE = `Usage: npx tsx scripts/run-flow.ts <flow.json> [options]

Runs an IVR flow against the ARI simulator with a scripted caller (local Temporal dev server,
in-process worker and bridge, a scratch PostgreSQL database) and prints the step trace.

Options:
  --from <number>       caller number (default 13800000000)
  --to <number>         dialed number the flow answers (default 4001)
  --script <steps>      caller script, e.g. "wait prompt; press 1; wait 1s; press 0; hangup after 5s"
                        (default "expect hangup": listen until the flow hangs up)
  --language <tag>      language the trunk sets on the call (default: none, the flow's default)
  --time-scale <n>      simulator speed: 0.1 plays prompts ten times faster (default 1)
  --timeout <seconds>   give up when the call has not ended by then (default 120)
  --secret NAME=VALUE   a secret for HTTP nodes ({{secret.NAME}}); repeatable. CC_SECRET_<NAME>
                        environment variables are used too
  --allow-http <dest>   a destination HTTP nodes may call (api.example.com, 127.0.0.1:8080); repeatable.
                        Without it HTTP nodes may call nothing. Secrets may be sent to every such destination
  --json                print the report as JSON
  --verbose             show worker and bridge logs
  -h, --help            this text

Exit codes: 0 the call ran (any outcome but "failed"), 1 bad arguments or an invalid flow file,
2 the call failed or did not end in time.`;

const secretPair = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*=/, "must look like NAME=VALUE (NAME: letters, digits, _)")
  .transform((pair): [string, string] => {
    const at = pair.indexOf("=");
    return [pair.slice(0, at), pair.slice(at + 1)];
  });

const optionsSchema = z.object({
  file: z.string().min(1, "the flow file is required"),
  from: z.string().regex(/^[0-9*#+]{1,32}$/, "must be a phone number").default("13800000000"),
  to: z.string().regex(/^[0-9*#+]{1,32}$/, "must be a phone number or extension").default("4001"),
  script: z.string().min(1).default("expect hangup"),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag like zh-CN").optional(),
  timeScale: z.coerce.number().positive().max(10).default(1),
  timeoutSeconds: z.coerce.number().positive().max(3_600).default(120),
  secrets: z.array(secretPair).default([]),
  allowHttp: z.array(destinationSchema).default([]),
  json: z.boolean().default(false),
  verbose: z.boolean().default(false),
});
export type RunFlowOptions = z.infer<typeof optionsSchema>;

export type ParsedArgs = { kind: "help" } | { kind: "run"; options: RunFlowOptions } | { kind: "error"; message: string };

export function parseRunFlowArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        script: { type: "string" },
        language: { type: "string" },
        "time-scale": { type: "string" },
        timeout: { type: "string" },
        secret: { type: "string", multiple: true },
        "allow-http": { type: "string", multiple: true },
        json: { type: "boolean" },
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    return { kind: "error", message: err instanceof Error ? err.message : String(err) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: "help" };
  if (positionals.length > 1) return { kind: "error", message: `expected one flow file, got ${positionals.length}: ${positionals.join(" ")}` };
  const result = optionsSchema.safeParse({
    file: positionals[0] ?? "",
    from: values.from,
    to: values.to,
    script: values.script,
    language: values.language,
    timeScale: values["time-scale"],
    timeoutSeconds: values.timeout,
    secrets: values.secret,
    allowHttp: values["allow-http"],
    json: values.json,
    verbose: values.verbose,
  });
  if (!result.success) {
    const flag: Record<string, string> = { timeScale: "--time-scale", timeoutSeconds: "--timeout", secrets: "--secret", allowHttp: "--allow-http", file: "<flow.json>" };
    const lines = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "");
      return `${flag[key] ?? `--${key}`}: ${issue.message}`;
    });
    return { kind: "error", message: lines.join("\n") };
  }
  return { kind: "run", options: result.data };
}
