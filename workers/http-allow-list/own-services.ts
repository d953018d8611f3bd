import type { OwnService } from "../activities/http-destination";
import type { WorkerConfig } from "../config";

function fromUrl(text: string | undefined): OwnService[] {
  if (text === undefined) return [];
  try {
    const url = new URL(text);
    const port = url.port === "" ? ({ "http:": 80, "https:": 443, "postgres:": 5432, "postgresql:": 5432 }[url.protocol] ?? 0) : Number(url.port);
    return [{ host: url.hostname.replace(/^\[|\]$/g, "").toLowerCase(), port }];
  } catch {
    return [];
  }
}

/**
 * This product's own services, which HTTP request nodes may reach only through an allow-list entry
 * naming exactly their host and port: Temporal (and the dev server's UI, its port + 1000), ARI,
 * PostgreSQL, the TTS media server and the web app. Most run on loopback and are refused as
 * internal addresses anyway; this also covers them when they have public addresses.
 */
export function ownServices(config: WorkerConfig, env: Record<string, string | undefined> = process.env): OwnService[] {
  const temporal = fromUrl(`http://${config.temporal.address}`);
  return [
    ...temporal,
    ...temporal.map((service) => ({ host: service.host, port: service.port + 1000 })),
    ...config.ari.servers.flatMap((server) => fromUrl(server.url)),
    ...fromUrl(config.databaseUrl),
    { host: config.tts.mediaHost.toLowerCase(), port: config.tts.mediaPort },
    ...fromUrl(config.tts.publicBaseUrl),
    ...fromUrl(env.NEXTAUTH_URL),
  ].filter((service) => service.port > 0);
}
