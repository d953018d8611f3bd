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
        'HTTP request "Test node": "URL" must start with http:// or https:// and a host name (or with a {{secret.NAME}} base URL)',
      ],
      ["bad-header-name", ["headers", 2, "name"], 'HTTP request "Test node": "Headers #3 › Name" is not a valid HTTP header name'],
      ["duplicate-name", ["headers", 1, "name"], 'HTTP request "Test node": "accept" is listed twice in "Headers #2 › Name"'],
      ["setting-too-big", ["timeoutSeconds"], 'HTTP request "Test node": "Timeout (seconds)" must be at most 30'],
      ["forbidden-name", ["responseMapping", 0, "path"], 'HTTP request "Test node": "Response fields #1 › Field path" uses "__proto__", which is not allowed as a name'],
    ]);
    expect(nodeIssues("http-request", { url: "https://{{host}}/x" }).map((issue) => issue.code)).toEqual(["bad-url"]);
    expect(nodeIssues("http-request", { url: "{{secret.API_BASE}}/cards" })).toEqual([]);
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
