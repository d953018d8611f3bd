import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("defaults to a local stack: dev server, the simulator's ARI, task queue cc-flows", () => {
    const config = loadConfig({});
    expect(config.temporal).toEqual({ address: "127.0.0.1:7233", namespace: "default", taskQueue: "cc-flows", tls: null });
    expect(config.ari).toEqual({ url: "http://127.0.0.1:8088", username: "asterisk", password: "asterisk", app: "cc-flows", outboundTrunk: undefined });
    expect(config.databaseUrl).toMatch(/^postgresql:\/\//);
  });

  it("reads a production cluster with mutual TLS", () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: "temporal.prod:7233",
      TEMPORAL_NAMESPACE: "contact-center",
      TEMPORAL_TASK_QUEUE: "cc-flows-eu",
      TEMPORAL_TLS_CERT_PATH: "/etc/tls/client.pem",
      TEMPORAL_TLS_KEY_PATH: "/etc/tls/client.key",
      TEMPORAL_TLS_CA_PATH: "/etc/tls/ca.pem",
      ARI_OUTBOUND_TRUNK: "carrier",
      CALL_STEPS_PER_RUN: "250",
    });
    expect(config.temporal.tls).toEqual({ certPath: "/etc/tls/client.pem", keyPath: "/etc/tls/client.key", caPath: "/etc/tls/ca.pem", serverName: undefined });
    expect(config.temporal.namespace).toBe("contact-center");
    expect(config.ari.outboundTrunk).toBe("carrier");
    expect(config.callStepsPerRun).toBe(250);
  });

  it("names every bad variable", () => {
    let error: unknown;
    try {
      loadConfig({ ARI_URL: "asterisk:8088", TTS_MEDIA_PORT: "http", ARI_APP: "cc flows" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = String(error);
    expect(message).toContain("ARI_URL");
    expect(message).toContain("TTS_MEDIA_PORT");
    expect(message).toContain("ARI_APP");
  });

  it("refuses a client certificate without its key", () => {
    expect(() => loadConfig({ TEMPORAL_TLS_CERT_PATH: "/etc/tls/client.pem" })).toThrow(/TEMPORAL_TLS_KEY_PATH/);
  });

  it("refuses a real Asterisk with the default or no ARI password, with a message that says what to do", () => {
    for (const env of [{ ARI_URL: "http://10.0.0.5:8088" }, { ARI_URL: "http://10.0.0.5:8088", ARI_PASSWORD: "asterisk" }, { ARI_URL: "http://127.0.0.1:8088", ARI_PASSWORD: "asterisk", ARI_SIMULATOR: "0" }]) {
      expect(() => loadConfig(env), JSON.stringify(env)).toThrow(/ARI_PASSWORD: a real Asterisk .* needs its own ARI password/);
    }
    expect(loadConfig({ ARI_URL: "http://10.0.0.5:8088", ARI_PASSWORD: "Zq8-generated-secret" }).ari.password).toBe("Zq8-generated-secret");
    // The simulator keeps its well-known credentials.
    expect(loadConfig({ ARI_URL: "http://127.0.0.1:41234", ARI_SIMULATOR: "1" }).ari).toMatchObject({ username: "asterisk", password: "asterisk" });
  });
});
