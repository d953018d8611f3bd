import { describe, expect, it } from "vitest";
import { CallHangupError } from "../interpreter/effects";
import { ScriptedEffects } from "./scripted-effects";

const collect = { minDigits: 1, maxDigits: 4, terminator: "#", firstDigitTimeoutMs: 5000, interDigitTimeoutMs: 3000, totalTimeoutMs: null };
const tts = (text: string) => ({ kind: "tts" as const, text, language: "en-US" });

describe("ScriptedEffects", () => {
  it("hands out typed keys in bursts, keeping extra keys buffered", async () => {
    const effects = new ScriptedEffects({ input: ["12#", "123456", { timeout: true }] });
    expect(await effects.collectDigits(collect)).toEqual({ digits: "12", ended: "terminator" });
    expect(await effects.collectDigits(collect)).toEqual({ digits: "1234", ended: "max" });
    expect(effects.bufferedDigits).toBe("56");
    expect(await effects.collectDigits(collect)).toEqual({ digits: "56", ended: "timeout" });
    expect(await effects.collectDigits(collect)).toEqual({ digits: "", ended: "timeout" });
    expect(await effects.collectDigits(collect)).toEqual({ digits: "", ended: "timeout" });
    expect(effects.unusedInput).toEqual([]);
  });

  it("delivers keys during a given prompt, interrupting it only with barge-in", async () => {
    const effects = new ScriptedEffects({ input: [{ digits: "9", duringPrompt: 2 }, "5"] });
    expect(await effects.play([tts("one")], { bargeIn: true })).toEqual({});
    expect(await effects.play([tts("two")], { bargeIn: true })).toEqual({ interruptedBy: "9" });
    expect(await effects.collectDigits(collect)).toEqual({ digits: "9", ended: "timeout" });
    expect(await effects.collectDigits(collect)).toEqual({ digits: "5", ended: "timeout" });
    const quiet = new ScriptedEffects({ input: [{ digits: "7", duringPrompt: 1 }] });
    expect(await quiet.play([tts("x")], { bargeIn: false })).toEqual({});
    expect(quiet.bufferedDigits).toBe("7");
    expect(quiet.plays[0]).toMatchObject({ interruptedBy: null, bargeIn: false });
  });

  it("advances a virtual clock", async () => {
    const effects = new ScriptedEffects({ startAt: "2025-01-01T00:00:00Z", playMsPerItem: 500, digitMs: 100 });
    await effects.play([tts("a"), tts("b")], { bargeIn: false });
    expect(effects.now().toISOString()).toBe("2025-01-01T00:00:01.000Z");
    await effects.collectDigits(collect);
    expect(effects.now().toISOString()).toBe("2025-01-01T00:00:06.000Z");
    effects.advance(1000);
    expect(effects.now().toISOString()).toBe("2025-01-01T00:00:07.000Z");
  });

  it("answers HTTP by URL, in order, by function or with an error", async () => {
    const request = (url: string) => ({ method: "GET" as const, url, headers: {}, body: null, timeoutMs: 1000, secretRefs: [] });
    const effects = new ScriptedEffects({
      http: {
        "https://a.example/x": [{ status: 200, body: { n: 1 } }, { status: 503 }],
        "https://b.example/y": (req) => ({ status: 201, body: req.url }),
        "https://c.example/z": { error: "timeout" },
      },
    });
    expect(await effects.http(request("https://a.example/x"))).toEqual({ ok: true, status: 200, body: { n: 1 }, error: null });
    expect(await effects.http(request("https://a.example/x"))).toEqual({ ok: false, status: 503, body: null, error: null });
    expect(await effects.http(request("https://a.example/x"))).toMatchObject({ status: 503 });
    expect(await effects.http(request("https://b.example/y"))).toEqual({ ok: true, status: 201, body: "https://b.example/y", error: null });
    expect(await effects.http(request("https://c.example/z"))).toEqual({ ok: false, status: null, body: null, error: "timeout" });
    expect(await effects.http(request("https://d.example/"))).toEqual({ ok: false, status: null, body: null, error: "no scripted response for GET https://d.example/" });
    expect(effects.httpRequests).toHaveLength(6);
  });

  it("hangs up at the scripted moment and refuses every effect afterwards", async () => {
    const effects = new ScriptedEffects({ hangupDuring: { effect: "play", occurrence: 2 } });
    await effects.play([tts("a")], { bargeIn: false });
    await expect(effects.play([tts("b")], { bargeIn: false })).rejects.toBeInstanceOf(CallHangupError);
    await expect(effects.collectDigits(collect)).rejects.toThrow("caller hung up during collectDigits");
    expect(effects.hungUp).toBe("caller");
    expect(effects.calls.map((call) => call.effect)).toEqual(["play", "play", "collectDigits"]);
    const byInput = new ScriptedEffects({ input: [{ hangup: true }] });
    await expect(byInput.collectDigits(collect)).rejects.toBeInstanceOf(CallHangupError);
  });

  it("records, transfers and runs subflows as scripted", async () => {
    const effects = new ScriptedEffects({ transfer: (target) => ({ ok: target.kind === "queue", reason: null }), subflows: { f: { outputs: { a: 1 }, outcome: "completed" } } });
    expect(await effects.record({ maxDurationSeconds: 10, beep: true, maxSilenceSeconds: 3, terminateOn: "#" })).toEqual({ recordingName: "recording-1", durationSeconds: 7, ended: "silence" });
    expect(await effects.transfer({ kind: "queue", queue: "q", priority: 1, skills: [] })).toEqual({ ok: true, reason: null });
    expect(await effects.transfer({ kind: "endpoint", endpoint: "PJSIP/1", timeoutSeconds: 5 })).toEqual({ ok: false, reason: null });
    expect(await effects.runSubflow("f", { x: 1 })).toEqual({ outputs: { a: 1 }, outcome: "completed" });
    await expect(effects.runSubflow("g", {})).rejects.toThrow('no scripted subflow "g"');
    await effects.hangup();
    expect(effects.hungUp).toBe("flow");
  });
});
