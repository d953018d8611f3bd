import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { HttpRequest } from "@/flows-runtime/interpreter/effects";
import type { HttpAllowEntry, HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { createMemorySecretStore } from "../secrets/memory-secret-store";
import { createHttpActivities } from "./http-activity";
import type { OwnService, ResolvedAddress } from "./http-destination";
import { createHopSender } from "./http-send";

const TOKEN = "crm-Secret-7f3a9c21e4";

async function listen(handler: (req: IncomingMessage, body: string) => { status: number; headers?: Record<string, string>; body?: string }) {
  const hits: { url: string; host: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      hits.push({ url: req.url ?? "", host: req.headers.host ?? "", body });
      const answer = handler(req, body);
      res.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers }).end(answer.body ?? "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return { server, hits, port: address.port };
}

const req = (overrides: Partial<HttpRequest>): HttpRequest => ({ method: "GET", url: "", headers: {}, body: null, timeoutMs: 5_000, secretRefs: [], ...overrides });

describe("HTTP request node against server-side request forgery", () => {
  // Stands in for the Temporal UI, ARI or the simulator's control API: loopback, never on the allow-list.
  let internal: Awaited<ReturnType<typeof listen>>;
  // The one service the administrator allowed; it redirects wherever the flow author asks.
  let partner: Awaited<ReturnType<typeof listen>>;
  let dnsAnswers = new Map<string, ResolvedAddress[]>();
  let lookups: string[] = [];

  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    lookups.push(hostname);
    const answer = dnsAnswers.get(hostname);
    if (answer === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return answer;
  };

  function call(allowed: HttpAllowEntry[], extra: { secrets?: HttpPolicy["secrets"]; ownServices?: OwnService[] } = {}) {
    const policy: HttpPolicy = { allowed: [{ destination: `127.0.0.1:${partner.port}`, allowInternal: false }, ...allowed], secrets: extra.secrets ?? [] };
    return createHttpActivities({
      secrets: createMemorySecretStore({ CRM_API_KEY: TOKEN }),
      policy: async () => policy,
      resolve,
      ownServices: extra.ownServices ?? [],
      log: () => undefined,
    }).httpRequest;
  }

  beforeAll(async () => {
    internal = await listen(() => ({ status: 200, body: '{"namespaces":["default"]}' }));
    partner = await listen((r) => {
      const to = new URL(r.url ?? "/", "http://x").searchParams.get("to");
      if (to !== null) return { status: 302, headers: { Location: to } };
      return { status: 200, body: '{"ok":true}' };
    });
  });
  afterAll(async () => {
    for (const { server } of [internal, partner]) {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
  beforeEach(() => {
    internal.hits.length = 0;
    partner.hits.length = 0;
    dnsAnswers = new Map();
    lookups = [];
  });

  it("cannot reach a loopback service that is not on the allow-list, in any spelling", async () => {
    const httpRequest = call([]);
    for (const host of ["127.0.0.1", "localhost", "[::1]", "[::ffff:127.0.0.1]", "0x7f000001", "2130706433", "127.1", "0.0.0.0"]) {
      const res = await httpRequest(req({ url: `http://${host}:${internal.port}/api/v1/namespaces?api_key=asterisk:asterisk` }));
      expect(res.ok, host).toBe(false);
      expect(res.error, host).toMatch(/^request refused: .* is not on the HTTP allow-list$/);
    }
    expect(internal.hits).toHaveLength(0);
  });

  it("does not follow a redirect from an allowed host to loopback", async () => {
    const httpRequest = call([]);
    for (const to of [`http://127.0.0.1:${internal.port}/`, `http://localhost:${internal.port}/`, `http://[::1]:${internal.port}/`, `http://0x7f000001:${internal.port}/`]) {
      const res = await httpRequest(req({ url: `http://127.0.0.1:${partner.port}/go?to=${encodeURIComponent(to)}` }));
      expect(res.ok, to).toBe(false);
      expect(res.error, to).toMatch(/is not on the HTTP allow-list$/);
    }
    expect(partner.hits).toHaveLength(4);
    expect(internal.hits).toHaveLength(0);
  });

  it("refuses an allowed name that resolves to loopback (also IPv4-mapped, or mixed with a public address)", async () => {
    const httpRequest = call([{ destination: `api.partner.example:${internal.port}`, allowInternal: false }]);
    const answers: ResolvedAddress[][] = [
      [{ address: "127.0.0.1", family: 4 }],
      [{ address: "::ffff:127.0.0.1", family: 6 }],
      [{ address: "::ffff:7f00:1", family: 6 }],
      [{ address: "8.8.8.8", family: 4 }, { address: "127.0.0.1", family: 4 }],
      [{ address: "169.254.169.254", family: 4 }],
      [{ address: "fd00::1", family: 6 }],
    ];
    for (const answer of answers) {
      dnsAnswers.set("api.partner.example", answer);
      const res = await httpRequest(req({ url: `http://api.partner.example:${internal.port}/x` }));
      expect(res.ok, JSON.stringify(answer)).toBe(false);
      expect(res.error, JSON.stringify(answer)).toBe(
        `request refused: api.partner.example:${internal.port} resolves to an internal address, which needs an allow-list entry marked as internal`,
      );
    }
    expect(internal.hits).toHaveLength(0);
  });

  it("connects to the address it checked, resolving once per hop (no rebinding window)", async () => {
    const httpRequest = call([{ destination: `crm.intranet.example:${internal.port}`, allowInternal: true }]);
    dnsAnswers.set("crm.intranet.example", [{ address: "127.0.0.1", family: 4 }]);
    const res = await httpRequest(req({ url: `http://crm.intranet.example:${internal.port}/api` }));
    // The name exists only in the injected resolver: reaching the server proves the connection used the checked answer.
    expect(res).toMatchObject({ ok: true, status: 200 });
    expect(lookups).toEqual(["crm.intranet.example"]);
    expect(internal.hits).toEqual([{ url: "/api", host: `crm.intranet.example:${internal.port}`, body: "" }]);
  });

  it("refuses this product's own services unless an entry names exactly their host and port", async () => {
    const ownServices = [{ host: "127.0.0.1", port: internal.port }];
    dnsAnswers.set("svc.corp.example", [{ address: "127.0.0.1", family: 4 }]);
    const wildcard = call([{ destination: `*.corp.example:${internal.port}`, allowInternal: true }], { ownServices });
    const refused = await wildcard(req({ url: `http://svc.corp.example:${internal.port}/` }));
    expect(refused.error).toBe(`request refused: svc.corp.example:${internal.port} is a service of this product; only an allow-list entry naming exactly this host and port may reach it`);
    expect(internal.hits).toHaveLength(0);
    const exact = call([{ destination: `127.0.0.1:${internal.port}`, allowInternal: false }], { ownServices });
    expect(await exact(req({ url: `http://127.0.0.1:${internal.port}/` }))).toMatchObject({ ok: true });
  });

  it("does not let a Host header pick another virtual host on the checked address", async () => {
    const httpRequest = call([]);
    const res = await httpRequest(req({ url: `http://127.0.0.1:${partner.port}/`, headers: { Host: "admin.internal" } }));
    expect(res).toEqual({ ok: false, status: null, body: null, error: "the Host header comes from the URL and cannot be set" });
    expect(partner.hits).toHaveLength(0);
  });

  it("sends nothing when the allow-list cannot be read", async () => {
    const { httpRequest } = createHttpActivities({
      secrets: createMemorySecretStore({}),
      policy: async () => {
        throw new Error("connection refused by PostgreSQL");
      },
      log: () => undefined,
    });
    const res = await httpRequest(req({ url: `http://127.0.0.1:${partner.port}/` }));
    expect(res).toEqual({ ok: false, status: null, body: null, error: "the HTTP allow-list could not be read; nothing was sent" });
    expect(partner.hits).toHaveLength(0);
  });

  it("refuses at request time a secret sent to a host it is not bound to, even when the host is allowed", async () => {
    const secrets = [{ secret: "CRM_API_KEY", destinations: [`crm.example.com`] }];
    const httpRequest = call([], { secrets });
    const res = await httpRequest(
      req({ url: `http://127.0.0.1:${partner.port}/collect?k={{secret.CRM_API_KEY}}`, headers: { "X-Api-Key": "{{secret.CRM_API_KEY}}" }, secretRefs: ["CRM_API_KEY"] }),
    );
    expect(res).toEqual({ ok: false, status: null, body: null, error: `secret CRM_API_KEY may not be sent to 127.0.0.1:${partner.port}` });
    expect(partner.hits).toHaveLength(0);
  });
});

describe("responses of requests that carried a secret", () => {
  let echo: Awaited<ReturnType<typeof listen>>;
  const reversed = [...TOKEN].reverse().join("");
  const base64 = Buffer.from(TOKEN).toString("base64");
  const basic = Buffer.from(`user:${TOKEN}`).toString("base64");

  beforeAll(async () => {
    echo = await listen((r) => {
      const key = String(r.headers["x-api-key"] ?? "");
      return {
        status: 200,
        body: JSON.stringify({
          data: { tier: "gold", note: `reversed ${[...key].reverse().join("")}` },
          debug: { b64: Buffer.from(key).toString("base64"), basic: Buffer.from(`user:${key}`).toString("base64"), hex: Buffer.from(key).toString("hex"), rot: key.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97)) },
        }),
      };
    });
  });
  afterAll(async () => {
    echo.server.closeAllConnections();
    await new Promise((r) => echo.server.close(r));
  });

  it("hands back only the mapped fields, scrubbed of reversed, base64 and hex echoes; the raw body never leaves the activity", async () => {
    const { httpRequest } = createHttpActivities({
      secrets: createMemorySecretStore({ CRM_API_KEY: TOKEN }),
      policy: async () => ({ allowed: [{ destination: `127.0.0.1:${echo.port}`, allowInternal: false }], secrets: [{ secret: "CRM_API_KEY", destinations: [`127.0.0.1:${echo.port}`] }] }),
      log: () => undefined,
    });
    const res = await httpRequest(
      req({
        url: `http://127.0.0.1:${echo.port}/customer`,
        headers: { "X-Api-Key": "{{secret.CRM_API_KEY}}" },
        secretRefs: ["CRM_API_KEY"],
        responseFields: [["data", "tier"], ["data", "note"], ["debug", "b64"], ["debug", "basic"], ["debug", "hex"]],
      }),
    );
    expect(res).toEqual({
      ok: true,
      status: 200,
      error: null,
      body: { data: { tier: "gold", note: "reversed [redacted]" }, debug: { b64: "[redacted]", basic: expect.stringContaining("[redacted]"), hex: "[redacted]" } },
    });
    const text = JSON.stringify(res);
    for (const form of [TOKEN, reversed, base64, basic, Buffer.from(TOKEN).toString("hex")]) expect(text).not.toContain(form);
    // An encoding no scrubber knows (rot13) is not mapped, so it is not returned at all.
    expect(text).not.toContain("rot");
  });

  it("repeats neither the status text nor a JSON parser's quote of the body when a secret went along", async () => {
    const rot13 = (text: string) => text.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97));
    // node:http lets a server choose any status text: this one carries the key in rot13, as does the broken JSON.
    const plain = createServer((r, res) => {
      const key = String(r.headers["x-api-key"] ?? "");
      if (r.url === "/status") res.writeHead(500, rot13(key), { "Content-Type": "application/json" }).end("{}");
      else res.writeHead(200, { "Content-Type": "application/json" }).end(`{"bad": ${rot13(key)}`);
    });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const address: AddressInfo | string | null = plain.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    const server = { port: address.port };
    const { httpRequest } = createHttpActivities({
      secrets: createMemorySecretStore({ CRM_API_KEY: TOKEN }),
      policy: async () => ({ allowed: [{ destination: `127.0.0.1:${server.port}`, allowInternal: false }], secrets: [{ secret: "CRM_API_KEY", destinations: [`127.0.0.1:${server.port}`] }] }),
      log: () => undefined,
    });
    const headers = { "X-Api-Key": "{{secret.CRM_API_KEY}}" };
    expect(await httpRequest(req({ url: `http://127.0.0.1:${server.port}/status`, headers, secretRefs: ["CRM_API_KEY"] }))).toEqual({ ok: false, status: 500, body: null, error: "HTTP 500" });
    expect(await httpRequest(req({ url: `http://127.0.0.1:${server.port}/json`, headers, secretRefs: ["CRM_API_KEY"], responseFields: [["bad"]] }))).toEqual({
      ok: false,
      status: 200,
      body: null,
      error: "response is not valid JSON",
    });
    plain.closeAllConnections();
    await new Promise((r) => plain.close(r));
  });

  it("returns no body at all when the flow maps no field of a secret-bearing response", async () => {
    const { httpRequest } = createHttpActivities({
      secrets: createMemorySecretStore({ CRM_API_KEY: TOKEN }),
      policy: async () => ({ allowed: [{ destination: `127.0.0.1:${echo.port}`, allowInternal: false }], secrets: [{ secret: "CRM_API_KEY", destinations: [`127.0.0.1:${echo.port}`] }] }),
      log: () => undefined,
    });
    const res = await httpRequest(req({ url: `http://127.0.0.1:${echo.port}/x`, body: "{}", method: "POST", headers: { "X-Api-Key": "{{secret.CRM_API_KEY}}" }, secretRefs: ["CRM_API_KEY"], responseFields: [] }));
    expect(res).toEqual({ ok: true, status: 200, body: null, error: null });
  });
});

describe("HTTPS to a pinned address", () => {
  const cert = readFileSync(new URL("./fixtures/test-tls.crt", import.meta.url), "utf8");
  const key = readFileSync(new URL("./fixtures/test-tls.key", import.meta.url), "utf8");
  let server: ReturnType<typeof createHttpsServer>;
  let port = 0;

  beforeAll(async () => {
    server = createHttpsServer({ cert, key }, (req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ host: req.headers.host })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address: AddressInfo | string | null = server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP address");
    port = address.port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  function call(name: string) {
    return createHttpActivities({
      secrets: createMemorySecretStore({}),
      policy: async () => ({ allowed: [{ destination: `${name}:${port}`, allowInternal: true }], secrets: [] }),
      resolve: async () => [{ address: "127.0.0.1", family: 4 }],
      send: createHopSender({ ca: [cert] }),
      log: () => undefined,
    }).httpRequest;
  }

  it("checks the certificate against the URL's host name, not the address it connects to", async () => {
    const ok = await call("secure.partner.example")(req({ url: `https://secure.partner.example:${port}/` }));
    expect(ok).toEqual({ ok: true, status: 200, body: { host: `secure.partner.example:${port}` }, error: null });
    // Same address, a name the certificate does not cover: refused by TLS, reported like any network failure.
    const wrongName = await call("other.partner.example")(req({ url: `https://other.partner.example:${port}/` }));
    expect(wrongName).toEqual({ ok: false, status: null, body: null, error: `no response from other.partner.example:${port}` });
  });
});
