import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentWav } from "./media-cache";
import { type AriSimulator, startAriSimulator } from "./server";

let sim: AriSimulator;
const auth = { authorization: `Basic ${Buffer.from("asterisk:asterisk").toString("base64")}` };
const file = (name: string, headers: Record<string, string> = auth) => fetch(`${sim.url}/ari/recordings/stored/${encodeURIComponent(name)}/file`, { headers });

beforeAll(async () => {
  sim = await startAriSimulator({ timeScale: 0.05 });
});
afterAll(async () => {
  await sim.close();
});

// res/ari/resource_recordings.c, ast_ari_recordings_get_stored_file.
describe("GET /recordings/stored/{name}/file", () => {
  it("serves a stored WAV recording as audio/wav with its bytes", async () => {
    sim.sw.storedRecordings.set("vm-1", { name: "vm-1", format: "wav", durationMs: 1500, data: silentWav(1500) });
    const response = await file("vm-1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(44 + 1.5 * 8000 * 2);
    expect(bytes.subarray(0, 4).toString("ascii")).toBe("RIFF");
  });

  it("names the content type <media type>/<file extension>, as Asterisk does, wav49 being written as .WAV", async () => {
    for (const [format, type] of [["gsm", "audio/gsm"], ["ulaw", "audio/ulaw"], ["wav49", "audio/WAV"], ["sln16", "audio/sln16"]] as const) {
      sim.sw.storedRecordings.set(`f-${format}`, { name: `f-${format}`, format, durationMs: 100, data: Buffer.alloc(800) });
      const response = await file(`f-${format}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get("content-type"), format).toBe(type);
      expect((await response.arrayBuffer()).byteLength).toBe(800);
    }
  });

  it("answers 500 for an extension no format module claims (format slin16 is written as .slin16, the module knows sln16)", async () => {
    sim.sw.storedRecordings.set("odd", { name: "odd", format: "slin16", durationMs: 100, data: Buffer.alloc(10) });
    const response = await file("odd");
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: "Format specified by recording not available or loaded" });
  });

  it("answers 404 Recording not found for an unknown name, and 401 without credentials", async () => {
    const missing = await file("nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: "Recording not found" });
    expect((await file("vm-1", {})).status).toBe(401);
  });
});
