import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi-document";
import { operations } from "./operations";

const apiRoot = path.resolve(import.meta.dirname, "../../api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return routeFiles(file);
    return name === "route.ts" ? [file] : [];
  });
}

/** "GET /api/flows/{flowId}/diff" for every exported handler of every route file. */
function servedOperations(): string[] {
  return routeFiles(apiRoot).flatMap((file) => {
    const route = `/api/${path.relative(apiRoot, path.dirname(file)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    const methods = [...readFileSync(file, "utf8").matchAll(/export (?:const|function|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? "");
    return methods.map((method) => `${method} ${route}`);
  });
}

describe("OpenAPI document", () => {
  it("describes every API route the app serves (test calls, sign-in and the document itself aside)", () => {
    const served = servedOperations().filter((op) => !op.includes("/test-calls") && !op.includes("/api/auth/") && !op.endsWith("/api/openapi.json"));
    const described = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`);
    expect(described.sort()).toEqual(served.sort());
  });

  it("is OpenAPI 3.1 with request bodies generated from the routes' zod schemas", () => {
    const document = JSON.parse(JSON.stringify(openApiDocument("http://localhost:3000")));
    expect(document.openapi).toBe("3.1.0");
    const publish = document.paths["/api/flows/{flowId}/publish"].post;
    const body = publish.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(["versionId"]);
    expect(Object.keys(body.properties).sort()).toEqual(["expectedLiveVersionId", "versionId"]);
    expect(publish.parameters).toEqual([{ name: "flowId", in: "path", required: true, schema: { type: "string" } }]);
    const diff = document.paths["/api/flows/{flowId}/diff"].get;
    expect(diff.parameters.map((p: { name: string }) => p.name)).toEqual(["flowId", "from", "to"]);
    expect(diff.parameters.find((p: { name: string }) => p.name === "from").required).toBe(false);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
