import { secretNames } from "../../expressions";
import type { NodeCompiler } from "../node-definition";
import { compileTemplate } from "../shared/compile-source";
import type { HttpRequestCompiled } from "./compiled";
import type { HttpRequestConfig } from "./schema";

export const compileHttpRequest: NodeCompiler<HttpRequestConfig, HttpRequestCompiled> = (config) => {
  const url = compileTemplate(config.url);
  const headers = config.headers.map((header) => ({ name: header.name, value: compileTemplate(header.value) }));
  const body = config.body === null ? null : compileTemplate(config.body);
  const templates = [url, ...headers.map((header) => header.value), ...(body === null ? [] : [body])];
  return {
    method: config.method,
    url,
    headers,
    body,
    timeoutMs: config.timeoutSeconds * 1000,
    responseMapping: config.responseMapping.map((mapping) => ({ variable: mapping.variable, path: mapping.path.split(".") })),
    statusVariable: config.statusVariable ?? null,
    secretRefs: [...new Set(templates.flatMap((template) => secretNames(template)))].sort(),
  };
};
