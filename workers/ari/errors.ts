/**
 * Error thrown by the ARI client for every non-2xx answer.
 * `message` is Asterisk's own text: `{"message":"Channel not found"}` gives "Channel not found",
 * the allocation failure body `{"error":"Allocation failed"}` gives "Allocation failed".
 */
export class AriHttpError extends Error {
  override readonly name = "AriHttpError";
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly ariMessage: string,
    /** Parsed JSON body when there was one, else the raw text. */
    readonly body: unknown,
  ) {
    super(`${method} ${path} -> ${status}: ${ariMessage}`);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** 409: channel not in Stasis (e.g. after continue or hangup race). */
  get isConflict(): boolean {
    return this.status === 409;
  }
}

/** Extracts Asterisk's message from an error body (JSON `message` or `error`, HTML `<p>` or raw text). */
export function ariErrorMessage(body: unknown, fallback: string): string {
  if (body && typeof body === "object") {
    const rec = body as Record<string, unknown>;
    if (typeof rec.message === "string") return rec.message;
    if (typeof rec.error === "string") return rec.error;
  }
  if (typeof body === "string" && body.length > 0) {
    const p = /<p>([^<]*)<\/p>/i.exec(body);
    return p?.[1] ?? body.slice(0, 200);
  }
  return fallback;
}
