import { describe, expect, it } from "vitest";
import { bridgeAsterisk, ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("defaults to a local stack: dev server, the simulator's ARI, task queue cc-flows", () => {
    const config = loadConfig({});
    expect(config.temporal).toEqual({ address: "127.0.0.1:7233", namespace: "default", taskQueue: "cc-flows", tls: null });
    expect(config.ari).toEqual({
      app: "cc-flows",
      servers: [{ id: "default", url: "http://127.0.0.1:8088", username: "asterisk", password: "asterisk", simulator: true, outboundTrunk: undefined }],
    });
    expect(config.asteriskId).toBe("default");
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
    expect(config.ari.servers[0]?.outboundTrunk).toBe("carrier");
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
    expect(loadConfig({ ARI_URL: "http://10.0.0.5:8088", ARI_PASSWORD: "Zq8-generated-secret" }).ari.servers[0]?.password).toBe("Zq8-generated-secret");
    // The simulator keeps its well-known credentials.
    expect(loadConfig({ ARI_URL: "http://127.0.0.1:41234", ARI_SIMULATOR: "1" }).ari.servers).toMatchObject([{ id: "default", username: "asterisk", password: "asterisk" }]);
  });

  describe("several Asterisk servers (ASTERISK_SERVERS)", () => {
    const servers = [
      { id: "east", url: "http://10.0.0.5:8088", username: "cc-flows", password: "east-secret", outboundTrunk: "carrier-east" },
      { id: "west", url: "http://10.0.1.5:8088", username: "cc-flows", password: "west-secret" },
    ];
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return "";
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return String(err);
      }
    };

    it("lists every server by id; each bridge names its own with ASTERISK_ID", () => {
      const config = loadConfig({ ASTERISK_SERVERS: JSON.stringify(servers), ARI_OUTBOUND_TRUNK: "carrier", ASTERISK_ID: "west" });
      expect(config.ari.servers).toEqual([
        { id: "east", url: "http://10.0.0.5:8088", username: "cc-flows", password: "east-secret", simulator: false, outboundTrunk: "carrier-east" },
        { id: "west", url: "http://10.0.1.5:8088", username: "cc-flows", password: "west-secret", simulator: false, outboundTrunk: "carrier" },
      ]);
      expect(config.asteriskId).toBe("west");
      expect(bridgeAsterisk(config).url).toBe("http://10.0.1.5:8088");
    });

    it("a worker needs no ASTERISK_ID; a bridge without one among several is told to set it", () => {
      const config = loadConfig({ ASTERISK_SERVERS: JSON.stringify(servers) });
      expect(config.asteriskId).toBeNull();
      expect(() => bridgeAsterisk(config)).toThrow(/ASTERISK_ID: a bridge serves one Asterisk; set it to one of east, west/);
      expect(loadConfig({ ASTERISK_SERVERS: JSON.stringify([servers[0]]) }).asteriskId).toBe("east");
    });

    it("names the entry and field of every bad server, a duplicate id, a default password and an unknown ASTERISK_ID", () => {
      const bad = [
        { id: "East-1", url: "asterisk:8088", password: "x" },
        { id: "west", url: "http://10.0.1.5:8088" },
        { id: "west", url: "http://10.0.2.5:8088", password: "asterisk" },
        { id: "sim", url: "http://127.0.0.1:8088", simulator: true, extra: 1 },
      ];
      const message = problemsOf({ ASTERISK_SERVERS: JSON.stringify(bad) });
      expect(message).toMatch(/ASTERISK_SERVERS\.0\.id: an Asterisk id is 1–32 lowercase letters, digits or _/);
      expect(message).toMatch(/ASTERISK_SERVERS\.0\.url: must be an http\(s\) URL/);
      expect(message).toMatch(/ASTERISK_SERVERS\.3: Unrecognized key: "extra"/);
      const second = problemsOf({ ASTERISK_SERVERS: JSON.stringify(bad.slice(1, 3)) });
      expect(second).toMatch(/ASTERISK_SERVERS\.0\.password: the Asterisk "west" \(http:\/\/10\.0\.1\.5:8088\) needs its own ARI password/);
      expect(second).toMatch(/ASTERISK_SERVERS\.1\.id: "west" is listed twice/);
      expect(second).toMatch(/ASTERISK_SERVERS\.1\.password: .*needs its own ARI password/);
      expect(problemsOf({ ASTERISK_SERVERS: "[{id:" })).toMatch(/ASTERISK_SERVERS: not JSON/);
      expect(problemsOf({ ASTERISK_SERVERS: "[]" })).toMatch(/ASTERISK_SERVERS: lists no Asterisk/);
      expect(problemsOf({ ASTERISK_SERVERS: JSON.stringify(servers), ASTERISK_ID: "north" })).toMatch(/ASTERISK_ID: "north" is not among the configured Asterisk servers \(east, west\)/);
      expect(problemsOf({ ASTERISK_SERVERS: JSON.stringify(servers), ASTERISK_ID: "North-1" })).toMatch(/ASTERISK_ID: an Asterisk id is/);
    });

    it("refuses ASTERISK_SERVERS together with ARI_URL (which of the two would be meant?)", () => {
      expect(problemsOf({ ASTERISK_SERVERS: JSON.stringify(servers), ARI_URL: "http://10.0.0.5:8088", ARI_PASSWORD: "p" })).toMatch(
        /ARI_URL, ARI_PASSWORD: set either ASTERISK_SERVERS .* or ARI_URL and its ARI_\* variables \(one\), not both/,
      );
    });
  });
});
