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
});
