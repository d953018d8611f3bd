import { AppError } from "./app-error";
import { assertStorable } from "./assert-storable";

function tooLarge(limit: number): AppError {
  return new AppError(413, "payload_too_large", `The request body is larger than the limit of ${limit} bytes.`, { limit });
}

/**
 * Reads a JSON body without ever holding more than `limit` bytes: a declared Content-Length over the
 * limit is refused before reading, and an undeclared or lying one is cut off while streaming. What
 * the database could not store (NUL, lone surrogates, extreme nesting) is a 400 here (assert-storable.ts).
 */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError(415, "unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  }
  const bytes = await readBodyBytes(req, limit);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.trim() === "") throw new AppError(400, "invalid_json", "The request body is empty.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(400, "invalid_json", `The request body is not valid JSON: ${reason}`);
  }
  assertStorable(parsed);
  return parsed;
}

/** The raw body, never holding more than `limit` bytes (a declared or streamed size over it is a 413). */
export async function readBodyBytes(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return Buffer.alloc(0);

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
