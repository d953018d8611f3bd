import { describe, expect, it } from "vitest";
import { parseRunFlowArgs } from "./args";
import { localContextOf, originateCaller, originateCallerRequest } from "./originate-caller";

const FLOW = "flow.json";

describe("run-flow arguments", () => {
  it("without ARI_URL: the simulator, with --script and an optional --originate", () => {
    const plain = parseRunFlowArgs([FLOW, "--script", "wait prompt; hangup"], {});
    expect(plain).toMatchObject({ kind: "run", options: { asterisk: null, script: "wait prompt; hangup" } });
    expect(plain.kind === "run" && plain.options.originate).toBeUndefined();
    const local = parseRunFlowArgs([FLOW, "--originate", "Local/4001@cc-test-caller", "--script", "wait prompt; press 1"], {});
    expect(local).toMatchObject({ kind: "run", options: { asterisk: null, originate: "Local/4001@cc-test-caller" } });
  });

  it("--originate must be a Local channel into a context", () => {
    for (const bad of ["PJSIP/4001", "Local/4001", "Local/@ctx", "Local/4001@ctx@x"]) {
      const r = parseRunFlowArgs([FLOW, "--originate", bad], {});
      expect(r).toEqual({ kind: "error", message: "--originate: must look like Local/<exten>@<context>" });
    }
    expect(parseRunFlowArgs([FLOW, "--originate", "Local/4001@cc-test-caller/n"], {}).kind).toBe("run");
  });

  it("with ARI_URL: a real Asterisk, named by the worker's variables; the caller must be originated", () => {
    const env = { ARI_URL: "http://pbx.example:8088", ARI_USERNAME: "ivr", ARI_PASSWORD: "secret", ARI_APP: "cc-flows", TTS_MEDIA_HOST: "0.0.0.0", TTS_MEDIA_PORT: "8090", TTS_PUBLIC_BASE_URL: "http://10.0.0.5:8090" };
    const r = parseRunFlowArgs([FLOW, "--to", "4001", "--originate", "Local/4001@cc-test-caller"], env);
    expect(r).toMatchObject({
      kind: "run",
      options: {
        originate: "Local/4001@cc-test-caller",
        asterisk: { url: "http://pbx.example:8088", username: "ivr", password: "secret", app: "cc-flows", ttsMedia: { host: "0.0.0.0", port: 8090, publicBaseUrl: "http://10.0.0.5:8090" } },
      },
    });
    const defaults = parseRunFlowArgs([FLOW, "--originate", "Local/4001@c"], { ARI_URL: "http://127.0.0.1:8088" });
    expect(defaults).toMatchObject({ kind: "run", options: { asterisk: { username: "asterisk", password: "asterisk", app: "cc-flows", ttsMedia: { host: "127.0.0.1", port: 0 } } } });
  });

  it("with ARI_URL: refuses a missing --originate, a --script or --time-scale, and a bad variable, naming each", () => {
    expect(parseRunFlowArgs([FLOW, "--script", "press 1", "--time-scale", "0.5"], { ARI_URL: "http://127.0.0.1:8088" })).toEqual({
      kind: "error",
      message: [
        "--originate: required with ARI_URL (a real Asterisk has no scripted caller: a Local channel's dialplan context plays it)",
        "--script: not used with ARI_URL (the --originate context's dialplan plays the caller)",
        "--time-scale: not used with ARI_URL (Asterisk plays in real time)",
      ].join("\n"),
    });
    const bad = parseRunFlowArgs([FLOW, "--originate", "Local/1@c"], { ARI_URL: "ftp://x", ARI_APP: "cc flows" });
    expect(bad.kind).toBe("error");
    expect(bad.kind === "error" && bad.message).toMatch(/^ARI_URL: .*\nARI_APP: letters, digits, _ and - only$/);
  });
});

describe("the originate request the runner sends", () => {
  it("POST /channels: the Local channel into our Stasis app, the dialed number as its argument, the caller id", async () => {
    const sent: unknown[] = [];
    const id = await originateCaller(
      { originate: async (o) => void sent.push(o) },
      { endpoint: "Local/4001@cc-test-caller", app: "cc-flows", to: "4001", from: "13800000000", channelId: "run-flow-1" },
    );
    expect(id).toBe("run-flow-1");
    expect(sent).toEqual([
      { endpoint: "Local/4001@cc-test-caller", app: "cc-flows", appArgs: "4001", callerId: "13800000000", channelId: "run-flow-1", timeout: 30 },
    ]);
    expect(originateCallerRequest({ endpoint: "Local/1@c", app: "a", to: "1", from: "2", channelId: "x" }).appArgs).toBe("1");
    expect(localContextOf("Local/4001@cc-test-caller/n")).toBe("cc-test-caller");
  });
});
