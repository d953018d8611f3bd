import type { TemplateAst } from "../../expressions";
import type { HttpRequest } from "../../interpreter/effects";
import type { ExecContext, NodeExecutor } from "../node-definition";
import { httpRequestCompiledSchema } from "./compiled";

/** Values inserted into the URL are percent-encoded: caller input cannot add path segments or query parameters. */
function renderUrl(url: TemplateAst, ctx: ExecContext): string {
  return url.parts
    .map((part) => (part.kind === "expr" ? encodeURIComponent(ctx.render({ parts: [part] })) : ctx.render({ parts: [part] })))
    .join("");
}

/** Reads own properties only, so "constructor" or "__proto__" in a response never reach the prototype. */
export function readJsonPath(value: unknown, path: string[]): unknown {
  let current: unknown = value;
  for (const segment of path) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, segment)) return null;
    current = Object.getOwnPropertyDescriptor(current, segment)?.value;
  }
  return current === undefined ? null : current;
}

const isSuccess = (status: number | null): boolean => status === null || (status >= 200 && status < 300);

export const executeHttpRequest: NodeExecutor = async (step, ctx) => {
  const config = httpRequestCompiledSchema.parse(step.config);
  const headers: Record<string, string> = {};
  // CR/LF from a variable would start a new header line.
  for (const header of config.headers) headers[header.name] = ctx.render(header.value).replace(/[\r\n]+/g, " ");
  const request: HttpRequest = {
    method: config.method,
    url: renderUrl(config.url, ctx),
    headers,
    body: config.body === null ? null : ctx.render(config.body),
    timeoutMs: config.timeoutMs,
    secretRefs: config.secretRefs,
    responseFields: config.responseMapping.map((mapping) => mapping.path),
  };
  const response = await ctx.effects.http(request);
  if (config.statusVariable !== null) ctx.vars.set(config.statusVariable, response.status);
  if (!response.ok || !isSuccess(response.status)) {
    return { port: "error", error: response.error ?? `HTTP status ${response.status ?? "none"}` };
  }
  for (const mapping of config.responseMapping) ctx.vars.set(mapping.variable, readJsonPath(response.body, mapping.path));
  return { port: "success" };
};
