import { z } from "zod";
import { operations, type Operation } from "./operations";

type JsonObject = Record<string, unknown>;

/** Request shapes as the client sends them (defaults optional), from the same zod schemas the routes parse with. */
function schemaOf(schema: z.ZodType): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest;
}

function queryParameters(query: z.ZodObject): JsonObject[] {
  const json = schemaOf(query);
  const properties = z.record(z.string(), z.record(z.string(), z.unknown())).catch({}).parse(json.properties);
  const required = new Set(z.array(z.string()).catch([]).parse(json.required));
  return Object.entries(properties).map(([name, schema]) => ({ name, in: "query", required: required.has(name), schema }));
}

/** A success described as a media type ("text/csv", "audio/*") is that document; anything else is JSON. */
const mediaTypeOf = (description: string): string => (/^(text\/csv|audio\/\*)$/.test(description) ? description : "application/json");
const schemaOfSuccess = (description: string): JsonObject =>
  description === "text/csv" ? { type: "string" } : description === "audio/*" ? { type: "string", format: "binary" } : { type: "object" };

const errorResponse = { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };

function operationObject(operation: Operation): JsonObject {
  const pathParameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({ name: match[1], in: "path", required: true, schema: { type: "string" } }));
  const [status, description] = operation.success;
  return {
    summary: operation.summary,
    tags: [operation.tag],
    operationId: `${operation.method}${operation.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`,
    description:
      operation.permission === "signed-in"
        ? "Any signed-in user."
        : operation.permission === "person"
          ? "Any signed-in user, in a browser session (not with an API token)."
          : `Needs the \`${operation.permission}\` permission (and, for an API token, that scope).`,
    parameters: [...pathParameters, ...(operation.query ? queryParameters(operation.query) : [])],
    ...(operation.body === undefined
      ? {}
      : { requestBody: { required: true, content: { "application/json": { schema: operation.body === true ? { type: "object" } : schemaOf(operation.body) } } } }),
    responses: {
      [status]: { description, content: { [mediaTypeOf(description)]: { schema: schemaOfSuccess(description) } } },
      "400": errorResponse,
      "401": errorResponse,
      "403": errorResponse,
      "404": errorResponse,
      "409": errorResponse,
      "422": errorResponse,
      ...(operation.tag === "calls" ? { "502": errorResponse } : {}),
    },
  };
}

/** OpenAPI 3.1 (whose schemas are JSON Schema 2020-12, what z.toJSONSchema writes). */
export function openApiDocument(serverUrl: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const operation of operations) paths[operation.path] = { ...paths[operation.path], [operation.method]: operationObject(operation) };
  return {
    openapi: "3.1.0",
    info: {
      title: "cc-flows API",
      version: "1",
      description:
        "Flows, versions, diffs, four-eyes review and publishing, and the call log. Authenticate with the session cookie of a signed-in user, or with `Authorization: Bearer <API token>` (issued by an administrator; acts as its user, limited to its scopes). Errors are `{ error: { code, message, ...details } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: ["flows", "versions", "reviews", "calls", "audit", "customers", "admin"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API token (cct_…)." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } }, additionalProperties: true } },
        },
      },
    },
  };
}
