import { formatIssue } from "../../i18n/format-issue";
import type { HttpPolicy } from "./http-policy";
import { describe, expect, it } from "vitest";
import { compileNode, executeNode, nodeIssues } from "../../testing/node-harness";
import { httpRequestDefinition } from "./definition";
import { readJsonPath } from "./execute";
import { httpRequestSchema } from "./schema";

const lookup = {
  url: "https://api.example.com/cards/{{card}}?lang={{call.language}}",
  headers: [
    { name: "Authorization", value: "Bearer {{secret.API_TOKEN}}" },
    { name: "X-Request", value: "{{note}}" },
  ],
  responseMapping: [
    { variable: "status", path: "data.card.status" },
    { variable: "first_item", path: "data.items.0.name" },
    { variable: "missing", path: "data.nothing.here" },
  ],
  statusVariable: "http_status",
};
const vars = { call: { language: "en-US" }, card: "41 11/..", note: "line1\r\nX-Evil: 1" };

describe("http-request node", () => {
  it("fills defaults", () => {
    expect(httpRequestSchema.parse({ url: "https://x.example.com" })).toEqual({
      method: "GET",
      url: "https://x.example.com",
      headers: [],
      body: null,
      timeoutSeconds: 5,
      responseMapping: [],
    });
    expect(httpRequestDefinition.ports(httpRequestSchema.parse({ url: "https://x.example.com" })).map((port) => [port.id, port.required, port.silent === true])).toEqual([
      ["success", true, false],
      ["error", true, true],
    ]);
  });

  it("explains bad methods, URLs, headers and response paths", () => {
    const issues = nodeIssues("http-request", {
      method: "FETCH",
      url: "ftp://files.example.com/x",
      headers: [
        { name: "Accept", value: "application/json" },
        { name: "accept", value: "text/plain" },
        { name: "bad name", value: "" },
      ],
      responseMapping: [{ variable: "v", path: "a.__proto__" }],
      timeoutSeconds: 60,
    });
    expect(issues.map((issue) => [issue.code, issue.path, issue.message])).toEqual([
      ["setting-invalid-choice", ["method"], 'HTTP request "Test node": "Method" must be one of GET, POST, PUT, PATCH, DELETE'],
      [
        "bad-url",
        ["url"],
        'HTTP request "Test node": "URL" must start with http:// or https:// and a host name',
      ],
      ["bad-header-name", ["headers", 2, "name"], 'HTTP request "Test node": "Headers #3 › Name" is not a valid HTTP header name'],
      ["duplicate-name", ["headers", 1, "name"], 'HTTP request "Test node": "accept" is listed twice in "Headers #2 › Name"'],
      ["setting-too-big", ["timeoutSeconds"], 'HTTP request "Test node": "Timeout (seconds)" must be at most 30'],
      ["forbidden-name", ["responseMapping", 0, "path"], 'HTTP request "Test node": "Response fields #1 › Field path" uses "__proto__", which is not allowed as a name'],
    ]);
    for (const url of ["https://{{host}}/x", "{{secret.API_BASE}}/cards", "https://{{secret.HOST}}/x", "https://api.{{secret.X}}.example.com/", "http://a.example.com{{secret.X}}/"]) {
      expect(nodeIssues("http-request", { url }).map((issue) => issue.code), url).toEqual(["url-host-template"]);
    }
    expect(nodeIssues("http-request", { url: "https://api.example.com/", headers: [{ name: "HOST", value: "admin.internal" }] }).map((issue) => [issue.code, issue.path])).toEqual([
      ["host-header", ["headers", 0, "name"]],
    ]);
    for (const url of ["http://2130706433/", "http://0x7f.1/", "http://-a.example.com/"]) {
      expect(nodeIssues("http-request", { url }).map((issue) => issue.code), url).toEqual(["http-host-invalid"]);
    }
  });

  describe("allow-list and secret bindings", () => {
    const policy: HttpPolicy = {
      allowed: [
        { destination: "crm.example.com", allowInternal: false },
        { destination: "*.shop.example.com", allowInternal: false },
        { destination: "10.0.0.5:8443", allowInternal: false },
      ],
      secrets: [{ secret: "CRM_API_KEY", destinations: ["crm.example.com"] }],
    };
    const issues = (data: Record<string, unknown>) =>
      nodeIssues("http-request", data, {}, { httpPolicy: policy }).map((issue) => [issue.code, issue.path, issue.params.host ?? "", issue.params.secret ?? ""]);

    it("accepts hosts on the allow-list, with their ports", () => {
      expect(issues({ url: "https://crm.example.com/v1/{{call.caller}}" })).toEqual([]);
      expect(issues({ url: "https://CRM.example.com./v1" })).toEqual([]);
      expect(issues({ url: "https://a.b.shop.example.com/x" })).toEqual([]);
      expect(issues({ url: "https://10.0.0.5:8443/api" })).toEqual([]);
      expect(issues({ url: "https://crm.example.com/x", headers: [{ name: "X-Api-Key", value: "{{secret.CRM_API_KEY}}" }] })).toEqual([]);
    });

    it("refuses hosts and ports that are not on it, naming the node and field", () => {
      expect(issues({ url: "http://127.0.0.1:8233/api/v1/namespaces" })).toEqual([["http-host-not-allowed", ["url"], "127.0.0.1:8233", ""]]);
      expect(issues({ url: "http://crm.example.com:8088/ari/channels" })).toEqual([["http-host-not-allowed", ["url"], "crm.example.com:8088", ""]]);
      expect(issues({ url: "https://shop.example.com/" })).toEqual([["http-host-not-allowed", ["url"], "shop.example.com", ""]]);
      expect(issues({ url: "https://10.0.0.5/api" })).toEqual([["http-host-not-allowed", ["url"], "10.0.0.5", ""]]);
      const [issue] = nodeIssues("http-request", { url: "https://evil.example.net/x" }, {}, { httpPolicy: policy });
      expect(issue?.nodeId).toBe("n");
      expect(issue?.message).toBe('HTTP request "Test node": "URL": evil.example.net is not on the HTTP allow-list; an administrator can add it under Admin › HTTP allow-list');
      expect(issue === undefined ? "" : formatIssue(issue, "zh-CN")).toContain("evil.example.net 不在 HTTP 允许列表中");
    });

    it("refuses a secret sent anywhere but its bound hosts, in the URL, a header or the body", () => {
      expect(
        issues({
          method: "POST",
          url: "https://a.shop.example.com/x?k={{secret.CRM_API_KEY}}",
          headers: [{ name: "Authorization", value: "Bearer {{secret.CRM_API_KEY}}" }, { name: "X-Other", value: "{{secret.UNBOUND}}" }],
          body: '{"key":"{{secret.CRM_API_KEY}}"}',
        }),
      ).toEqual([
        ["secret-not-allowed-here", ["url"], "a.shop.example.com", "CRM_API_KEY"],
        ["secret-not-allowed-here", ["headers", 0, "value"], "a.shop.example.com", "CRM_API_KEY"],
        ["secret-not-allowed-here", ["headers", 1, "value"], "a.shop.example.com", "UNBOUND"],
        ["secret-not-allowed-here", ["body"], "a.shop.example.com", "CRM_API_KEY"],
      ]);
      const [issue] = nodeIssues("http-request", { url: "https://evil.example.net/?{{secret.CRM_API_KEY}}" }, {}, { httpPolicy: policy }).filter((i) => i.code === "secret-not-allowed-here");
      expect(issue?.message).toContain("secret CRM_API_KEY may not be sent to evil.example.net");
      expect(issue === undefined ? "" : formatIssue(issue, "zh-CN")).toContain("密钥 CRM_API_KEY 不允许发送到 evil.example.net");
    });

    it("checks nothing about destinations when the validator is given no policy", () => {
      expect(nodeIssues("http-request", { url: "http://127.0.0.1:8233/x?{{secret.A}}" })).toEqual([]);
    });
  });

  it("warns about credentials typed into headers, but not about secrets", () => {
    const issues = nodeIssues("http-request", {
      url: "https://api.example.com/x",
      headers: [
        { name: "Authorization", value: "Bearer abc123" },
        { name: "X-Api-Key", value: "{{secret.KEY}}" },
        { name: "Accept", value: "application/json" },
      ],
    });
    expect(issues.map((issue) => [issue.severity, issue.code, issue.path, issue.message])).toEqual([
      [
        "warning",
        "literal-credential",
        ["headers", 0, "value"],
        'HTTP request "Test node": "Authorization" contains a credential typed into the flow; store it as a secret and write {{secret.NAME}}',
      ],
    ]);
    // user:password@ in a URL is refused outright.
    expect(nodeIssues("http-request", { url: "https://user:pass@api.example.com/x" }).map((issue) => issue.code)).toEqual(["bad-url"]);
  });

  it("collects the secrets it references and never their values", () => {
    const { compiled } = compileNode("http-request", {
      ...lookup,
      method: "POST",
      body: '{"token":"{{secret.BODY_KEY}}","again":"{{secret.API_TOKEN}}"}',
    });
    expect(compiled).toMatchObject({
      method: "POST",
      timeoutMs: 5000,
      secretRefs: ["API_TOKEN", "BODY_KEY"],
      statusVariable: "http_status",
      responseMapping: [
        { variable: "status", path: ["data", "card", "status"] },
        { variable: "first_item", path: ["data", "items", "0", "name"] },
        { variable: "missing", path: ["data", "nothing", "here"] },
      ],
    });
    expect(JSON.stringify(compiled)).not.toContain("abc");
  });

  it("sends encoded values and secret placeholders, then maps the JSON answer", async () => {
    const url = "https://api.example.com/cards/41%2011%2F..?lang=en-US";
    const body = { data: { card: { status: "active" }, items: [{ name: "first" }] } };
    const { result, effects, vars: after } = await executeNode("http-request", lookup, { vars, script: { http: { [url]: { status: 200, body } } } });
    expect(effects.httpRequests).toEqual([
      {
        method: "GET",
        url,
        headers: { Authorization: "Bearer {{secret.API_TOKEN}}", "X-Request": "line1 X-Evil: 1" },
        body: null,
        timeoutMs: 5000,
        secretRefs: ["API_TOKEN"],
        // The activity hands back only these when a secret travels with the request.
        responseFields: [
          ["data", "card", "status"],
          ["data", "items", "0", "name"],
          ["data", "nothing", "here"],
        ],
      },
    ]);
    expect(result).toEqual({ port: "success" });
    expect(after.snapshot()).toMatchObject({ status: "active", first_item: "first", missing: null, http_status: 200 });
  });

  it("takes the error exit for non-2xx answers and network errors, keeping the reason", async () => {
    const notFound = await executeNode("http-request", lookup, { vars, script: { http: { "*": { status: 404, body: { error: "no card" } } } } });
    expect(notFound.result).toEqual({ port: "error", error: "HTTP status 404" });
    expect(notFound.vars.get("http_status")).toBe(404);
    expect(notFound.vars.get("status")).toBeUndefined();
    const down = await executeNode("http-request", lookup, { vars, script: { http: { "*": { error: "connect ECONNREFUSED" } } } });
    expect(down.result).toEqual({ port: "error", error: "connect ECONNREFUSED" });
    expect(down.vars.get("http_status")).toBeNull();
  });

  it("reads response paths through own data only", () => {
    const body = JSON.parse('{"a":{"__proto__":{"polluted":true},"list":[1,2]}}');
    expect(readJsonPath(body, ["a", "list", "1"])).toBe(2);
    expect(readJsonPath(body, ["a", "constructor"])).toBeNull();
    expect(readJsonPath(body, ["a", "toString"])).toBeNull();
    expect(readJsonPath("text", ["length"])).toBeNull();
    expect(readJsonPath(body, ["a", "__proto__", "polluted"])).toBe(true);
    expect("polluted" in {}).toBe(false);
  });
});
