import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { HttpRequest, HttpResponse } from "@/flows-runtime/interpreter/effects";
import { createMemorySecretStore } from "../secrets/memory-secret-store";
import type { HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { createHttpActivities, type HttpActivitiesDeps } from "./http-activity";

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const TOKEN = "tok-3f9a/7+c==";
const PASSWORD = 'pa"ss\\word';
const secrets = createMemorySecretStore({
  TOKEN,
  PASSWORD,
  TRICKY: "{{secret.TOKEN}}",
  NEWLINE: "a\r\nX-Injected: 1",
});

/** The test server's own address is explicitly allowed (an IPv4 entry with its port); TOKEN and PASSWORD may go there. */
function policyFor(port: number, extra: Partial<HttpPolicy> = {}): HttpPolicy {
  const self = `127.0.0.1:${port}`;
  return {
    allowed: [{ destination: self, allowInternal: false }, ...(extra.allowed ?? [])],
    secrets: [
      { secret: "TOKEN", destinations: [self] },
      { secret: "PASSWORD", destinations: [self] },
      { secret: "TRICKY", destinations: [self] },
      { secret: "NEWLINE", destinations: [self] },
      { secret: "CRM_TOKEN", destinations: [self] },
      ...(extra.secrets ?? []),
    ],
  };
}

function req(overrides: Partial<HttpRequest>): HttpRequest {
  return { method: "GET", url: "http://127.0.0.1/", headers: {}, body: null, timeoutMs: 5_000, secretRefs: [], ...overrides };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) }).end(text);
}

describe("httpRequest activity", () => {
  let server: Server;
  let base = "";
  let port = 0;
  const received: Received[] = [];
  const routes = new Map<string, Route>();
  const logged: string[] = [];
  const activities = (deps: Partial<HttpActivitiesDeps> = {}, extra: Partial<HttpPolicy> = {}) =>
    createHttpActivities({ secrets, policy: async () => policyFor(port, extra), log: (m) => logged.push(m), ...deps }).httpRequest;
  const httpRequest: (r: HttpRequest) => Promise<HttpResponse> = (r) => activities()(r);

  beforeAll(async () => {
    server = createServer((r, res) => {
      const chunks: Buffer[] = [];
      r.on("data", (c: Buffer) => chunks.push(c));
      r.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        received.push({ method: r.method ?? "", url: r.url ?? "", headers: r.headers, body });
        const route = routes.get((r.url ?? "").split("?")[0] ?? "");
        if (route) route(r, res, body);
        else sendJson(res, 404, { message: "no such route" });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address: AddressInfo | string | null = server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    port = address.port;
    base = `http://127.0.0.1:${port}`;
    routes.set("/echo", (r, res, body) => sendJson(res, 200, { url: r.url, headers: r.headers, body }));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    received.length = 0;
    logged.length = 0;
  });

  it("returns parsed JSON and the status for a 2xx JSON answer", async () => {
    routes.set("/customer", (_r, res) => sendJson(res, 200, { name: "王小明", tier: "gold", balance: 12.5 }));
    const res = await httpRequest(req({ url: `${base}/customer?id=42` }));
    expect(res).toEqual({ ok: true, status: 200, body: { name: "王小明", tier: "gold", balance: 12.5 }, error: null });
    expect(received[0]).toMatchObject({ method: "GET", url: "/customer?id=42" });
  });

  it("returns text for a non-JSON answer, decoding its charset", async () => {
    routes.set("/text", (_r, res) => res.writeHead(200, { "Content-Type": "text/plain" }).end("plain answer"));
    routes.set("/gbk", (_r, res) =>
      res.writeHead(200, { "Content-Type": "text/plain; charset=gbk" }).end(Buffer.from([0xc4, 0xfa, 0xba, 0xc3])),
    );
    expect(await httpRequest(req({ url: `${base}/text` }))).toEqual({ ok: true, status: 200, body: "plain answer", error: null });
    expect((await httpRequest(req({ url: `${base}/gbk` }))).body).toBe("您好");
  });

  it("parses +json content types and treats an empty JSON body as null", async () => {
    routes.set("/problem", (_r, res) => res.writeHead(200, { "Content-Type": "application/problem+json; charset=utf-8" }).end('{"a":[1]}'));
    routes.set("/empty", (_r, res) => res.writeHead(200, { "Content-Type": "application/json" }).end());
    expect((await httpRequest(req({ url: `${base}/problem` }))).body).toEqual({ a: [1] });
    expect(await httpRequest(req({ url: `${base}/empty` }))).toEqual({ ok: true, status: 200, body: null, error: null });
  });

  it("substitutes secrets in URL, headers and body and scrubs them from what it returns", async () => {
    const res = await httpRequest(
      req({
        method: "POST",
        url: `${base}/echo?key={{secret.TOKEN}}`,
        headers: { Authorization: "Bearer {{secret.TOKEN}}", "X-Pass": "{{ secret.PASSWORD }}" },
        body: '{"password":"{{secret.PASSWORD}}"}',
        secretRefs: ["PASSWORD", "TOKEN"],
        responseFields: [["url"], ["headers", "authorization"], ["headers", "x-pass"], ["body"]],
      }),
    );
    const got = received[0];
    expect(got?.url).toBe(`/echo?key=${TOKEN}`);
    expect(got?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(got?.headers["x-pass"]).toBe(PASSWORD);
    // a JSON body gets the value JSON-escaped, so a quote in a password cannot break the document
    expect(JSON.parse(got?.body ?? "")).toEqual({ password: PASSWORD });
    expect(got?.headers["content-type"]).toBe("application/json");
    expect(res.ok).toBe(true);
    const returned = JSON.stringify(res);
    for (const form of [TOKEN, encodeURIComponent(TOKEN), PASSWORD, JSON.stringify(PASSWORD).slice(1, -1)]) {
      expect(returned).not.toContain(form);
    }
    expect(returned).toContain("[redacted]");
    // Only the mapped fields come back from a request that carried secrets.
    expect(Object.keys(res.body ?? {}).sort()).toEqual(["body", "headers", "url"]);
    expect(returned).not.toContain("user-agent");
  });

  it("refuses secrets in the host part of the URL, or as the whole base URL", async () => {
    const store = createMemorySecretStore({ API_BASE: base, HOST: `127.0.0.1:${port}` });
    const call = activities({ secrets: store }, { secrets: [{ secret: "API_BASE", destinations: [`127.0.0.1:${port}`] }, { secret: "HOST", destinations: [`127.0.0.1:${port}`] }] });
    for (const url of ["{{secret.API_BASE}}/echo", "http://{{secret.HOST}}/echo", `http://127.0.0.1{{secret.HOST}}/echo`]) {
      const res = await call(req({ url, secretRefs: ["API_BASE", "HOST"] }));
      expect(res.ok, url).toBe(false);
      expect(res.error, url).toBe("the URL's host cannot contain {{…}} placeholders");
    }
    expect(received).toHaveLength(0);
  });

  it("answers ok:false when a secret is not configured, without sending anything", async () => {
    const res = await httpRequest(
      req({ url: `${base}/echo`, headers: { Authorization: "{{secret.CRM_TOKEN}}" }, secretRefs: ["CRM_TOKEN"] }),
    );
    expect(res).toEqual({ ok: false, status: null, body: null, error: "secret CRM_TOKEN is not configured" });
    expect(received).toHaveLength(0);
  });

  it("refuses placeholders for secrets the request did not declare", async () => {
    const res = await httpRequest(req({ url: `${base}/echo?k={{secret.TOKEN}}`, secretRefs: [] }));
    expect(res.ok).toBe(false);
    expect(res.error).toBe("secret TOKEN is used but not declared in secretRefs");
    expect(received).toHaveLength(0);
  });

  it("does not expand a placeholder that is part of a secret's value", async () => {
    await httpRequest(req({ method: "POST", url: `${base}/echo`, body: "v={{secret.TRICKY}}", secretRefs: ["TRICKY", "TOKEN"] }));
    expect(received[0]?.body).toBe("v={{secret.TOKEN}}");
    expect(received[0]?.headers["content-type"]).toBe("text/plain; charset=utf-8");
  });

  it("refuses a header whose secret value contains a line break, without quoting it", async () => {
    const res = await httpRequest(req({ url: `${base}/echo`, headers: { "X-A": "{{secret.NEWLINE}}" }, secretRefs: ["NEWLINE"] }));
    expect(res).toEqual({ ok: false, status: null, body: null, error: "header X-A contains a line break or NUL character" });
    expect(received).toHaveLength(0);
  });

  it("reports a non-2xx answer as ok:false with the status and the parsed body", async () => {
    routes.set("/missing", (_r, res) => sendJson(res, 404, { message: "customer not found" }));
    routes.set("/down", (_r, res) => res.writeHead(503, { "Content-Type": "text/html" }).end("<h1>maintenance</h1>"));
    expect(await httpRequest(req({ url: `${base}/missing` }))).toEqual({
      ok: false,
      status: 404,
      body: { message: "customer not found" },
      error: "HTTP 404 Not Found",
    });
    expect(await httpRequest(req({ url: `${base}/down` }))).toEqual({
      ok: false,
      status: 503,
      body: "<h1>maintenance</h1>",
      error: "HTTP 503 Service Unavailable",
    });
  });

  it("reports invalid JSON as ok:false with the status and the raw text", async () => {
    routes.set("/broken", (_r, res) => res.writeHead(200, { "Content-Type": "application/json" }).end('{"a": 1,'));
    const res = await httpRequest(req({ url: `${base}/broken` }));
    expect(res).toMatchObject({ ok: false, status: 200, body: '{"a": 1,' });
    expect(res.error).toMatch(/^response is not valid JSON \(application\/json\): /);
  });

  it("times out waiting for headers, and while reading a stalled body", async () => {
    routes.set("/slow", (_r, res) => setTimeout(() => sendJson(res, 200, {}), 3_000).unref());
    routes.set("/stall", (_r, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"partial":');
    });
    let started = Date.now();
    const slow = await httpRequest(req({ url: `${base}/slow`, timeoutMs: 200 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(slow).toEqual({ ok: false, status: null, body: null, error: `no response from 127.0.0.1:${port}` });
    started = Date.now();
    const stalled = await httpRequest(req({ url: `${base}/stall`, timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stalled).toEqual({ ok: false, status: 200, body: null, error: "timed out after 300 ms reading the response body" });
  });

  it("reports a name that does not resolve, a refused connection and a timeout with the same sentence", async () => {
    const dns = await activities({}, { allowed: [{ destination: "no-such-host.invalid", allowInternal: false }] })(req({ url: "http://no-such-host.invalid/x", timeoutMs: 5_000 }));
    expect(dns).toEqual({ ok: false, status: null, body: null, error: "no response from no-such-host.invalid" });

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    const closedPort = address !== null && typeof address === "object" ? address.port : 1;
    const call = activities({}, { allowed: [{ destination: `127.0.0.1:${closedPort}`, allowInternal: false }] });
    const refused = await call(req({ url: `http://127.0.0.1:${closedPort}/` }));
    routes.set("/never", () => undefined);
    const timedOut = await httpRequest(req({ url: `${base}/never`, timeoutMs: 300 }));
    expect(refused).toEqual({ ok: false, status: null, body: null, error: `no response from 127.0.0.1:${closedPort}` });
    expect(timedOut).toEqual({ ok: false, status: null, body: null, error: `no response from 127.0.0.1:${port}` });
    // The operator still learns why, from the worker's log.
    expect(logged.some((line) => line.includes("ECONNREFUSED"))).toBe(true);
  });

  it("scrubs secrets from the log when a network error quotes the URL", async () => {
    const call = activities({
      send: async (hop) => {
        throw new Error(`cannot reach ${hop.url.href}`);
      },
    });
    const res = await call(req({ url: `${base}/x?token={{secret.TOKEN}}`, secretRefs: ["TOKEN"] }));
    expect(res).toEqual({ ok: false, status: null, body: null, error: `no response from 127.0.0.1:${port}` });
    expect(logged.join("\n")).toContain("cannot reach");
    expect(logged.join("\n")).toContain("[redacted]");
    expect(logged.join("\n")).not.toContain(TOKEN);
    expect(logged.join("\n")).not.toContain(encodeURIComponent(TOKEN));
  });

  it("caps the response body at 1 MB, with or without Content-Length", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    routes.set("/big", (_r, res) => res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": big.length }).end(big));
    routes.set("/big-chunked", (_r, res) => {
      res.writeHead(200, { "Content-Type": "text/plain" });
      for (let i = 0; i < 17; i++) res.write("y".repeat(64 * 1024));
      res.end();
    });
    routes.set("/exactly", (_r, res) => res.writeHead(200, { "Content-Type": "text/plain" }).end("z".repeat(1024 * 1024)));
    for (const path of ["/big", "/big-chunked"]) {
      expect(await httpRequest(req({ url: `${base}${path}` }))).toEqual({
        ok: false,
        status: 200,
        body: null,
        error: "response body is larger than 1 MB",
      });
    }
    const exactly = await httpRequest(req({ url: `${base}/exactly` }));
    expect(exactly.ok).toBe(true);
    expect(typeof exactly.body === "string" ? exactly.body.length : 0).toBe(1024 * 1024);
  });

  it("allows only http and https", async () => {
    for (const url of ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/plain,hi", "javascript:alert(1)"]) {
      const res = await httpRequest(req({ url }));
      expect(res.ok, url).toBe(false);
      expect(res.error, url).toMatch(/^only http and https URLs are allowed, not /);
    }
    expect((await httpRequest(req({ url: "not a url" }))).error).toBe('invalid URL "not a url"');
    expect(received).toHaveLength(0);
  });

  it("follows same-origin redirects, and cross-origin ones only without secrets", async () => {
    routes.set("/old", (_r, res) => res.writeHead(301, { Location: "/echo" }).end());
    routes.set("/away", (_r, res) => res.writeHead(302, { Location: `http://localhost:${port}/echo` }).end());
    routes.set("/see-other", (_r, res) => res.writeHead(303, { Location: "/echo" }).end());
    routes.set("/loop", (_r, res) => res.writeHead(307, { Location: "/loop" }).end());

    const call = activities({}, { allowed: [{ destination: `localhost:${port}`, allowInternal: true }] });
    expect(await call(req({ url: `${base}/old` }))).toMatchObject({ ok: true, status: 200, body: { url: "/echo" } });
    expect(await call(req({ url: `${base}/away` }))).toMatchObject({ ok: true, status: 200 });
    const withSecret = await call(req({ url: `${base}/away`, headers: { "X-Key": "{{secret.TOKEN}}" }, secretRefs: ["TOKEN"] }));
    expect(withSecret).toEqual({
      ok: false,
      status: 302,
      body: null,
      error: `redirect to another origin (http://localhost:${port}) refused: the request carries secrets`,
    });
    received.length = 0;
    const seeOther = await httpRequest(req({ method: "POST", url: `${base}/see-other`, body: "a=1" }));
    expect(seeOther.ok).toBe(true);
    expect(received.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual(["POST /see-other a=1", "GET /echo "]);
    expect(await httpRequest(req({ url: `${base}/loop` }))).toMatchObject({ ok: false, status: 307, error: "too many redirects (more than 5)" });
  });

  it("keeps an explicit Content-Type and refuses a body on GET", async () => {
    await httpRequest(req({ method: "PUT", url: `${base}/echo`, headers: { "Content-Type": "application/xml" }, body: "<a/>" }));
    expect(received[0]?.headers["content-type"]).toBe("application/xml");
    expect(received[0]?.method).toBe("PUT");
    const res = await httpRequest(req({ url: `${base}/echo`, body: "x" }));
    expect(res).toEqual({ ok: false, status: null, body: null, error: "a GET request cannot have a body" });
  });

  it("refuses malformed input instead of throwing", async () => {
    const res = await httpRequest(req({ timeoutMs: -1 }));
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/^invalid HTTP request: timeoutMs: /);
    const badName = await httpRequest(req({ url: `${base}/echo`, headers: { "Bad Name": "x" } }));
    expect(badName.error).toBe('invalid header name "Bad Name"');
  });

  it("keeps a __proto__ key of a JSON answer as plain data while scrubbing", async () => {
    routes.set("/proto", (_r, res) =>
      res.writeHead(200, { "Content-Type": "application/json" }).end(`{"__proto__":{"polluted":true},"t":"${TOKEN}"}`),
    );
    const res = await httpRequest(
      req({ url: `${base}/proto`, headers: { A: "{{secret.TOKEN}}" }, secretRefs: ["TOKEN"], responseFields: [["__proto__", "polluted"], ["t"]] }),
    );
    expect(res.ok).toBe(true);
    const body = res.body;
    expect(typeof body === "object" && body !== null && Object.hasOwn(body, "__proto__")).toBe(true);
    expect(Reflect.get(Object.prototype, "polluted")).toBeUndefined();
    expect(JSON.stringify(body)).toBe('{"__proto__":{"polluted":true},"t":"[redacted]"}');
  });
});
