import type { HopResponse } from "./http-send";

export type BodyReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too-large" };

/** Reads at most maxBytes of a response body; a larger body is dropped, not buffered. */
export async function readCappedBody(res: HopResponse, maxBytes: number): Promise<BodyReadResult> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.discard();
    return { ok: false, reason: "too-large" };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of res.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      res.discard();
      return { ok: false, reason: "too-large" };
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
