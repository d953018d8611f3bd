import path from "node:path";
import { z } from "zod";
import { databaseUrl } from "../prisma/database-url";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const port = z.coerce.number().int().min(0).max(65_535);

/** What Asterisk's sample ari.conf and the simulator use: fine for the simulator, never for a real Asterisk. */
const defaultAriPassword = "asterisk";

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
    /** Unset: the ARI simulator on its default address. Set: a real Asterisk, unless ARI_SIMULATOR=1. */
    ARI_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** "1" when ARI_URL is the project's ARI simulator (set by scripts/setup-and-start.sh and workers/dev-stack.ts). */
    ARI_SIMULATOR: z.enum(["", "0", "1"]).optional(),
    ARI_USERNAME: z.string().min(1).default("asterisk"),
    /** Required for a real Asterisk, and not the well-known default. */
    ARI_PASSWORD: z.string().min(1).optional(),
    ARI_APP: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only").default("cc-flows"),
    /** PJSIP endpoint for transfers to phone numbers: PJSIP/<number>@<trunk>. */
    ARI_OUTBOUND_TRUNK: optional,
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").default(databaseUrl()),
    TTS_CACHE_DIR: z.string().min(1).default(path.join(process.env.CC_DATA_DIR ?? ".data", "tts")),
    /** The worker serves the TTS cache to Asterisk on this address (0 = any free port). */
    TTS_MEDIA_HOST: z.string().min(1).default("127.0.0.1"),
    TTS_MEDIA_PORT: port.default(8090),
    /** URL at which Asterisk reaches that server; default http://TTS_MEDIA_HOST:port. */
    TTS_PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Continue-as-new every N steps (the server's suggestion may come earlier). */
    CALL_STEPS_PER_RUN: z.coerce.number().int().min(10).default(500),
  })
  .superRefine((env, ctx) => {
    const simulator = env.ARI_URL === undefined || env.ARI_SIMULATOR === "1";
    if (!simulator && (env.ARI_PASSWORD === undefined || env.ARI_PASSWORD === defaultAriPassword)) {
      ctx.addIssue({
        code: "custom",
        path: ["ARI_PASSWORD"],
        message: `a real Asterisk (ARI_URL=${env.ARI_URL}) needs its own ARI password: the default "${defaultAriPassword}" is the first one anyone tries. Set ARI_PASSWORD to the password of ari.conf's user (generate one with: openssl rand -base64 24); ARI_SIMULATOR=1 only if ARI_URL is the cc-flows simulator`,
      });
    }
    if ((env.TEMPORAL_TLS_CERT_PATH === undefined) !== (env.TEMPORAL_TLS_KEY_PATH === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [env.TEMPORAL_TLS_CERT_PATH === undefined ? "TEMPORAL_TLS_CERT_PATH" : "TEMPORAL_TLS_KEY_PATH"],
        message: "TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together",
      });
    }
  });

export type WorkerConfig = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof envSchema>) {
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
    ari: {
      url: env.ARI_URL ?? "http://127.0.0.1:8088",
      username: env.ARI_USERNAME,
      password: env.ARI_PASSWORD ?? defaultAriPassword,
      app: env.ARI_APP,
      outboundTrunk: env.ARI_OUTBOUND_TRUNK,
    },
    databaseUrl: env.DATABASE_URL,
    tts: {
      cacheDir: path.resolve(env.TTS_CACHE_DIR),
      mediaHost: env.TTS_MEDIA_HOST,
      mediaPort: env.TTS_MEDIA_PORT,
      publicBaseUrl: env.TTS_PUBLIC_BASE_URL,
    },
    callStepsPerRun: env.CALL_STEPS_PER_RUN,
  };
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Reads the worker's and the bridge's settings from the environment; names every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "environment"}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return toConfig(parsed.data);
}
