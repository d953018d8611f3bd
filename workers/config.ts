import path from "node:path";
import { z } from "zod";
import { databaseUrl } from "../prisma/database-url";
import { asteriskIdSchema, asteriskServers, type AsteriskServer } from "./asterisk-servers";
import { DEFAULT_ASTERISK_ID } from "./default-asterisk-id";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const port = z.coerce.number().int().min(0).max(65_535);

const envSchema = z
  .object({
    TEMPORAL_ADDRESS: z.string().min(1).default("127.0.0.1:7233"),
    TEMPORAL_NAMESPACE: z.string().min(1).default("default"),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default("cc-flows"),
    TEMPORAL_TLS_CERT_PATH: optional,
    TEMPORAL_TLS_KEY_PATH: optional,
    TEMPORAL_TLS_CA_PATH: optional,
    /** Server name to verify when it differs from the address host. */
    TEMPORAL_TLS_SERVER_NAME: optional,
    /** Our Stasis application name, the same on every Asterisk. ARI_URL, ASTERISK_SERVERS and the other ARI_* variables: see asterisk-servers.ts. */
    ARI_APP: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only").default("cc-flows"),
    /** The Asterisk a bridge serves; default the only one listed, else "default". */
    ASTERISK_ID: optional.pipe(asteriskIdSchema.optional()),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").default(databaseUrl()),
    TTS_CACHE_DIR: z.string().min(1).default(path.join(process.env.CC_DATA_DIR ?? ".data", "tts")),
    /** The worker serves the TTS cache to Asterisk on this address (0 = any free port). */
    TTS_MEDIA_HOST: z.string().min(1).default("127.0.0.1"),
    TTS_MEDIA_PORT: port.default(8090),
    /** URL at which Asterisk reaches that server; default http://TTS_MEDIA_HOST:port. */
    TTS_PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Continue-as-new every N steps (the server's suggestion may come earlier). */
    CALL_STEPS_PER_RUN: z.coerce.number().int().min(10).default(500),
    /** Music-on-hold class (musiconhold.conf) a queued caller hears. */
    QUEUE_MOH_CLASS: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only").default("default"),
    /** A waiting caller hears their position this often. */
    QUEUE_ANNOUNCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  })
  .superRefine((env, ctx) => {
    if ((env.TEMPORAL_TLS_CERT_PATH === undefined) !== (env.TEMPORAL_TLS_KEY_PATH === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [env.TEMPORAL_TLS_CERT_PATH === undefined ? "TEMPORAL_TLS_CERT_PATH" : "TEMPORAL_TLS_KEY_PATH"],
        message: "TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together",
      });
    }
  });

export type WorkerConfig = ReturnType<typeof toConfig>;

/** The bridge's Asterisk: ASTERISK_ID, else the only one, else "default" when it is listed. */
function asteriskIdOf(env: z.infer<typeof envSchema>, servers: AsteriskServer[]): string | null {
  if (env.ASTERISK_ID !== undefined) return env.ASTERISK_ID;
  if (servers.length === 1) return servers[0]?.id ?? null;
  return servers.some((s) => s.id === DEFAULT_ASTERISK_ID) ? DEFAULT_ASTERISK_ID : null;
}

function toConfig(env: z.infer<typeof envSchema>, servers: AsteriskServer[]) {
  const tlsEnabled = env.TEMPORAL_TLS_CERT_PATH !== undefined || env.TEMPORAL_TLS_CA_PATH !== undefined;
  return {
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      tls: tlsEnabled
        ? {
            certPath: env.TEMPORAL_TLS_CERT_PATH,
            keyPath: env.TEMPORAL_TLS_KEY_PATH,
            caPath: env.TEMPORAL_TLS_CA_PATH,
            serverName: env.TEMPORAL_TLS_SERVER_NAME,
          }
        : null,
    },
    ari: { app: env.ARI_APP, servers },
    /** Which Asterisk a bridge process serves; null when ASTERISK_SERVERS lists several and ASTERISK_ID is unset. */
    asteriskId: asteriskIdOf(env, servers),
    databaseUrl: env.DATABASE_URL,
    tts: {
      cacheDir: path.resolve(env.TTS_CACHE_DIR),
      mediaHost: env.TTS_MEDIA_HOST,
      mediaPort: env.TTS_MEDIA_PORT,
      publicBaseUrl: env.TTS_PUBLIC_BASE_URL,
    },
    callStepsPerRun: env.CALL_STEPS_PER_RUN,
    queueCalls: { mohClass: env.QUEUE_MOH_CLASS, announceEverySeconds: env.QUEUE_ANNOUNCE_SECONDS },
  };
}

/** The Asterisk a bridge process serves (config.asteriskId); names what to set when it is ambiguous. */
export function bridgeAsterisk(config: WorkerConfig): AsteriskServer {
  const server = config.ari.servers.find((s) => s.id === config.asteriskId);
  if (server) return server;
  throw new ConfigError(`invalid configuration:\n  ASTERISK_ID: a bridge serves one Asterisk; set it to one of ${config.ari.servers.map((s) => s.id).join(", ")}`);
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Reads the worker's and the bridge's settings from the environment; names every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const parsed = envSchema.safeParse(env);
  const servers = asteriskServers(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`)),
    ...(servers.ok ? [] : servers.problems),
  ];
  if (parsed.success && servers.ok && parsed.data.ASTERISK_ID !== undefined && !servers.servers.some((s) => s.id === parsed.data.ASTERISK_ID)) {
    problems.push(`ASTERISK_ID: "${parsed.data.ASTERISK_ID}" is not among the configured Asterisk servers (${servers.servers.map((s) => s.id).join(", ")})`);
  }
  if (!parsed.success || !servers.ok || problems.length > 0) {
    throw new ConfigError(`invalid configuration:\n${problems.map((line) => `  ${line}`).join("\n")}`);
  }
  return toConfig(parsed.data, servers.servers);
}
