import { describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { ownServices } from "./own-services";

describe("own services", () => {
  it("lists Temporal and its UI, ARI, PostgreSQL, the TTS media server and the web app", () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: "temporal.internal:7233",
      ARI_URL: "https://pbx.example.com:8089",
      ARI_PASSWORD: "a-generated-password",
      DATABASE_URL: "postgresql://u:p@db.internal/ccflows",
      TTS_MEDIA_HOST: "10.0.0.9",
      TTS_MEDIA_PORT: "8090",
    });
    expect(ownServices(config, { NEXTAUTH_URL: "https://designer.example.com" })).toEqual([
      { host: "temporal.internal", port: 7233 },
      { host: "temporal.internal", port: 8233 },
      { host: "pbx.example.com", port: 8089 },
      { host: "db.internal", port: 5432 },
      { host: "10.0.0.9", port: 8090 },
      { host: "designer.example.com", port: 443 },
    ]);
  });

  it("lists every Asterisk of ASTERISK_SERVERS: an HTTP node reaches none of them without an entry naming it", () => {
    const config = loadConfig({
      ASTERISK_SERVERS: JSON.stringify([
        { id: "east", url: "http://pbx-east.example.com:8088", password: "e" },
        { id: "west", url: "https://pbx-west.example.com", password: "w" },
      ]),
    });
    const services = ownServices(config, {});
    expect(services).toContainEqual({ host: "pbx-east.example.com", port: 8088 });
    expect(services).toContainEqual({ host: "pbx-west.example.com", port: 443 });
  });
});
