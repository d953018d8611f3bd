import type { IncomingMessage, ServerResponse } from "node:http";

/** Request parameters the way res_ari merges them: query string, form body, then JSON body fields. */
export class Params {
  constructor(
    private readonly query: Array<[string, string]>,
    readonly json: Record<string, unknown> | null,
  ) {}

  /** Last occurrence wins for a repeated query parameter (the generated parsers overwrite). */
  str(name: string): string | undefined {
    const j = this.json?.[name];
    if (typeof j === "string") return j;
    if (typeof j === "number" || typeof j === "boolean") return String(j);
    let v: string | undefined;
    for (const [k, val] of this.query) if (k === name) v = val;
    return v;
  }

  /** atoi semantics: missing or garbage gives 0. */
  int(name: string): number {
    const j = this.json?.[name];
    if (typeof j === "number") return Math.trunc(j);
    const s = this.str(name);
    if (s === undefined) return 0;
    const m = /^\s*([+-]?\d+)/.exec(s);
    return m ? Number(m[1]) : 0;
  }

  has(name: string): boolean {
    return this.str(name) !== undefined;
  }

  /** ast_true. */
  bool(name: string): boolean {
    const j = this.json?.[name];
    if (typeof j === "boolean") return j;
    return /^(yes|true|y|t|1|on)$/i.test(this.str(name) ?? "");
  }

  /** allowMultiple parameters: comma separated in the query (last occurrence wins), or a JSON array. */
  list(name: string): string[] {
    const j = this.json?.[name];
    if (Array.isArray(j)) return j.map((x) => String(x));
    if (typeof j === "string") return [j];
    const s = this.str(name);
    if (s === undefined) return [];
    if (s === "") return [""];
    return splitArgs(s);
  }
}

/** ast_app_separate_args with ',' : honours quotes and brackets. */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote = false;
  let paren = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < s.length) {
      cur += s[++i];
      continue;
    }
    if (c === '"') {
      quote = !quote;
      continue;
    }
    if (!quote && (c === "(" || c === "[")) paren++;
    if (!quote && (c === ")" || c === "]") && paren > 0) paren--;
    if (c === "," && !quote && paren === 0) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

export interface AriResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw body (recording files). */
  raw?: { data: Buffer; contentType: string };
}

export const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  412: "Precondition Failed",
  422: "Unprocessable Entity",
  426: "Upgrade Required",
  500: "Internal Server Error",
  501: "Not Implemented",
};

export const error = (status: number, message: string, headers?: Record<string, string>): AriResponse => ({
  status,
  body: { message },
  headers,
});

export function serverHeader(version: string): Record<string, string> {
  return { Server: `Asterisk/${version}`, "Cache-Control": "no-cache, no-store" };
}

export function sendAri(res: ServerResponse, r: AriResponse, version: string): void {
  const headers: Record<string, string> = { ...serverHeader(version), ...(r.headers ?? {}) };
  let payload: Buffer | undefined;
  if (r.raw) {
    headers["Content-Type"] = r.raw.contentType;
    payload = r.raw.data;
  } else if (r.body !== undefined && r.body !== null) {
    headers["Content-Type"] = "application/json";
    payload = Buffer.from(JSON.stringify(r.body));
  }
  headers["Content-Length"] = String(payload?.length ?? 0);
  res.writeHead(r.status, STATUS_TEXT[r.status] ?? "", headers);
  res.end(payload);
}

/** ast_http_error: Asterisk's HTML error page. */
export function htmlError(status: number, title: string, text: string, version: string): { head: Record<string, string>; body: string } {
  const body =
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n' +
    "<html><head>\r\n" +
    `<title>${status} ${title}</title>\r\n` +
    "</head><body>\r\n" +
    `<h1>${title}</h1>\r\n` +
    `<p>${text}</p>\r\n` +
    "<hr />\r\n" +
    `<address>Asterisk/${version}</address>\r\n` +
    "</body></html>\r\n";
  return { head: { ...serverHeader(version), "Content-Type": "text/html", "Content-Length": String(Buffer.byteLength(body)) }, body };
}

export async function readBody(req: IncomingMessage, limit = 1 << 20): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw Object.assign(new Error("too large"), { code: "EFBIG" });
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses query + form + JSON body. Returns an error response for an unparsable JSON body. */
export function parseParams(url: URL, contentType: string | undefined, body: Buffer): Params | AriResponse {
  const query: Array<[string, string]> = [...url.searchParams.entries()];
  let json: Record<string, unknown> | null = null;
  const ct = (contentType ?? "").toLowerCase();
  if (body.length > 0 && ct.startsWith("application/x-www-form-urlencoded")) {
    query.unshift(...new URLSearchParams(body.toString()).entries());
  } else if (body.length > 0 && ct.startsWith("application/json")) {
    try {
      const parsed: unknown = JSON.parse(body.toString());
      json = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    } catch {
      return error(400, "Error parsing request body");
    }
  }
  return new Params(query, json);
}

/** HTTP Basic first, then ?api_key=user:pass (authenticate_user in res_ari.c). */
export function authenticate(req: IncomingMessage, url: URL, username: string, password: string): boolean {
  const auth = req.headers.authorization;
  if (auth && /^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), "base64").toString();
    const i = decoded.indexOf(":");
    return i >= 0 && decoded.slice(0, i) === username && decoded.slice(i + 1) === password;
  }
  for (const [k, v] of url.searchParams) {
    if (k.toLowerCase() === "api_key") {
      const i = v.indexOf(":");
      return i >= 0 && v.slice(0, i) === username && v.slice(i + 1) === password;
    }
  }
  return false;
}

export const unauthorized = (): AriResponse =>
  error(401, "Authentication required", { "WWW-Authenticate": 'Basic realm="Asterisk REST Interface"' });
