import { parseArgs } from "node:util";
import { z } from "zod";
import { destinationSchema } from "@/flows-runtime/nodes/http-request/http-policy";

export const USAGE = `Usage: npx tsx scripts/run-flow.ts <flow.json> [options]

Runs an IVR flow against the ARI simulator with a scripted caller (local Temporal dev server,
in-process worker and bridge, a scratch PostgreSQL database) and prints the step trace.
With ARI_URL (and ARI_USERNAME, ARI_PASSWORD, ARI_APP) it runs against that Asterisk instead: the
caller is a Local channel that --originate places; its dialplan context plays the caller's side.

Options:
  --from <number>       caller number (default 13800000000)
  --to <number>         dialed number the flow answers (default 4001)
  --script <steps>      caller script, e.g. "wait prompt; press 1; wait 1s; press 0; hangup after 5s"
                        (default "expect hangup": listen until the flow hangs up); simulator only
  --originate <Local/<exten>@<context>>
                        place the caller by originating this Local channel into the flow's Stasis
                        app (the way a real Asterisk is driven; required with ARI_URL); on the
                        simulator, --script plays <context>
  --language <tag>      language the trunk sets on the call (default: none, the flow's default)
  --time-scale <n>      simulator speed: 0.1 plays prompts ten times faster (default 1); simulator only
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
  originate: z
    .string()
    .regex(/^Local\/[^@\s/]+@[^@\s/]+(\/[a-z]+)?$/, "must look like Local/<exten>@<context>")
    .optional(),
  timeoutSeconds: z.coerce.number().positive().max(3_600).default(120),
  secrets: z.array(secretPair).default([]),
  allowHttp: z.array(destinationSchema).default([]),
  json: z.boolean().default(false),
  verbose: z.boolean().default(false),
});

/** A real Asterisk, from the same variables the worker and the bridge read (workers/config.ts). */
const asteriskSchema = z.object({
  ARI_URL: z.url({ protocol: /^https?$/ }),
  ARI_USERNAME: z.string().min(1).default("asterisk"),
  ARI_PASSWORD: z.string().min(1).default("asterisk"),
  ARI_APP: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only").default("cc-flows"),
  /** The worker's prompt server, which Asterisk fetches `sound:http://…` from; port 0 = any free port. */
  TTS_MEDIA_HOST: z.string().min(1).default("127.0.0.1"),
  TTS_MEDIA_PORT: z.coerce.number().int().min(0).max(65_535).default(0),
  TTS_PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
});
export interface AsteriskTarget {
  url: string;
  username: string;
  password: string;
  app: string;
  ttsMedia: { host: string; port: number; publicBaseUrl?: string };
}

export type RunFlowOptions = z.infer<typeof optionsSchema> & { asterisk: AsteriskTarget | null };

export type ParsedArgs = { kind: "help" } | { kind: "run"; options: RunFlowOptions } | { kind: "error"; message: string };

/** argv without the node and script paths; env: process.env (ARI_URL selects a real Asterisk). */
export function parseRunFlowArgs(argv: string[], env: Record<string, string | undefined> = {}): ParsedArgs {
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
        originate: { type: "string" },
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
    originate: values.originate,
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
  if (!env.ARI_URL) return { kind: "run", options: { ...result.data, asterisk: null } };
  const asterisk = asteriskSchema.safeParse(env);
  if (!asterisk.success) {
    return { kind: "error", message: asterisk.error.issues.map((i) => `${String(i.path[0] ?? "")}: ${i.message}`).join("\n") };
  }
  const problems = [
    result.data.originate ? null : "--originate: required with ARI_URL (a real Asterisk has no scripted caller: a Local channel's dialplan context plays it)",
    values.script === undefined ? null : "--script: not used with ARI_URL (the --originate context's dialplan plays the caller)",
    values["time-scale"] === undefined ? null : "--time-scale: not used with ARI_URL (Asterisk plays in real time)",
  ].filter((line): line is string => line !== null);
  if (problems.length > 0) return { kind: "error", message: problems.join("\n") };
  const a = asterisk.data;
  const ttsMedia = { host: a.TTS_MEDIA_HOST, port: a.TTS_MEDIA_PORT, ...(a.TTS_PUBLIC_BASE_URL ? { publicBaseUrl: a.TTS_PUBLIC_BASE_URL } : {}) };
  return { kind: "run", options: { ...result.data, asterisk: { url: a.ARI_URL, username: a.ARI_USERNAME, password: a.ARI_PASSWORD, app: a.ARI_APP, ttsMedia } } };
}
