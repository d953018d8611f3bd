export type ParsedBody = { ok: true; body: unknown } | { ok: false; body: string; error: string };

import { isJsonMediaType } from "./http-request-body";

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /;\s*charset="?([\w.:-]+)"?/i.exec(contentType)?.[1];
  if (charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // unknown charset label: fall through to UTF-8
    }
  }
  return new TextDecoder("utf-8").decode(bytes);
}

/** JSON when the content type says so (an empty JSON body is null), else the text. */
export function parseResponseBody(bytes: Uint8Array, contentType: string): ParsedBody {
  const text = decode(bytes, contentType);
  const mediaType = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (!isJsonMediaType(mediaType)) return { ok: true, body: text };
  if (text.trim() === "") return { ok: true, body: null };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch (err) {
    return { ok: false, body: text, error: `response is not valid JSON (${mediaType}): ${err instanceof Error ? err.message : String(err)}` };
  }
}
