import { z } from "zod";
import { DEFAULT_ASTERISK_ID } from "./default-asterisk-id";

/** What Asterisk's sample ari.conf and the simulator use: fine for the simulator, never for a real Asterisk. */
export const DEFAULT_ARI_PASSWORD = "asterisk";

const SIMULATOR_URL = "http://127.0.0.1:8088";

/** No "-" or ":": a call's workflow id joins the Asterisk id and the channel id with them (workers/workflows/call-workflow-id.ts). */
export const asteriskIdSchema = z
  .string()
  .regex(/^[a-z0-9_]{1,32}$/, "an Asterisk id is 1–32 lowercase letters, digits or _");

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const serverSchema = z.strictObject({
  id: asteriskIdSchema,
  url: z.url({ protocol: /^https?$/, error: "must be an http(s) URL of Asterisk's HTTP server" }),
  username: z.string().min(1).default("asterisk"),
  /** Required for a real Asterisk, and not the well-known default. */
  password: z.string().min(1).optional(),
  /** true when this entry is the cc-flows ARI simulator (its well-known password is fine). */
  simulator: z.boolean().default(false),
  /** PJSIP endpoint for transfers to numbers from this Asterisk; default ARI_OUTBOUND_TRUNK. */
  outboundTrunk: z.string().min(1).optional(),
});

const envSchema = z.object({
  /** JSON list of every Asterisk: [{"id":"east","url":"http://10.0.0.5:8088","username":"cc-flows","password":"…"}, …]. */
  ASTERISK_SERVERS: optional,
  /** Unset: the ARI simulator on its default address. Set: a real Asterisk, unless ARI_SIMULATOR=1. */
  ARI_URL: optional.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL of Asterisk's HTTP server" }).optional()),
  /** "1" when ARI_URL is the project's ARI simulator (set by scripts/setup-and-start.sh and workers/dev-stack.ts). */
  ARI_SIMULATOR: z.enum(["", "0", "1"]).optional(),
  ARI_USERNAME: z.string().min(1).default("asterisk"),
  /** Not trimmed: a password may end in a space. */
  ARI_PASSWORD: z
    .string()
    .optional()
    .transform((v) => (v === "" ? undefined : v)),
  ARI_OUTBOUND_TRUNK: optional,
});

export interface AsteriskServer {
  id: string;
  url: string;
  username: string;
  password: string;
  simulator: boolean;
  /** PJSIP endpoint used for `PJSIP/<number>@<trunk>`; unset = transfers to numbers fail. */
  outboundTrunk: string | undefined;
}

export type AsteriskServersResult = { ok: true; servers: AsteriskServer[] } | { ok: false; problems: string[] };

const passwordAdvice = `the default "${DEFAULT_ARI_PASSWORD}" is the first one anyone tries. Set it to the password of ari.conf's user (generate one with: openssl rand -base64 24)`;

function fromArrayJson(text: string, trunk: string | undefined): AsteriskServersResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`ASTERISK_SERVERS: not JSON (${err instanceof Error ? err.message : String(err)})`] };
  }
  const parsed = z.array(serverSchema).min(1, "lists no Asterisk").safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${["ASTERISK_SERVERS", ...issue.path].join(".")}: ${issue.message}`) };
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [index, server] of parsed.data.entries()) {
    if (seen.has(server.id)) problems.push(`ASTERISK_SERVERS.${index}.id: "${server.id}" is listed twice`);
    seen.add(server.id);
    if (!server.simulator && (server.password === undefined || server.password === DEFAULT_ARI_PASSWORD)) {
      problems.push(`ASTERISK_SERVERS.${index}.password: the Asterisk "${server.id}" (${server.url}) needs its own ARI password: ${passwordAdvice}; "simulator": true only if it is the cc-flows simulator`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    servers: parsed.data.map((s) => ({ ...s, password: s.password ?? DEFAULT_ARI_PASSWORD, outboundTrunk: s.outboundTrunk ?? trunk })),
  };
}

/**
 * Every Asterisk this deployment drives, from the environment: ASTERISK_SERVERS (several), or
 * ARI_URL and its ARI_* variables (one, id "default"), or neither (the simulator, id "default").
 * Each problem names its variable (and the list entry and field).
 */
export function asteriskServers(env: Record<string, string | undefined>): AsteriskServersResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`) };
  const e = parsed.data;
  if (e.ASTERISK_SERVERS !== undefined) {
    const single = ["ARI_URL", "ARI_PASSWORD", "ARI_SIMULATOR"].filter((name) => (env[name] ?? "") !== "");
    if (single.length > 0) return { ok: false, problems: [`${single.join(", ")}: set either ASTERISK_SERVERS (several Asterisk servers) or ARI_URL and its ARI_* variables (one), not both`] };
    return fromArrayJson(e.ASTERISK_SERVERS, e.ARI_OUTBOUND_TRUNK);
  }
  const simulator = e.ARI_URL === undefined || e.ARI_SIMULATOR === "1";
  if (!simulator && (e.ARI_PASSWORD === undefined || e.ARI_PASSWORD === DEFAULT_ARI_PASSWORD)) {
    return {
      ok: false,
      problems: [`ARI_PASSWORD: a real Asterisk (ARI_URL=${e.ARI_URL}) needs its own ARI password: ${passwordAdvice}; ARI_SIMULATOR=1 only if ARI_URL is the cc-flows simulator`],
    };
  }
  return {
    ok: true,
    servers: [
      {
        id: DEFAULT_ASTERISK_ID,
        url: e.ARI_URL ?? SIMULATOR_URL,
        username: e.ARI_USERNAME,
        password: e.ARI_PASSWORD ?? DEFAULT_ARI_PASSWORD,
        simulator,
        outboundTrunk: e.ARI_OUTBOUND_TRUNK,
      },
    ],
  };
}
