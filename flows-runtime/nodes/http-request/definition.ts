import type { ExpressionRef, NodeDefinition, NodeLintIssue } from "../node-definition";
import { portLabel } from "../shared/port-label";
import { lintDestination } from "./lint-destination";
import { httpRequestSchema, type HttpRequestConfig } from "./schema";

const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie|x-api-key|api-key|apikey|x-auth-token|x-access-token|x-secret|x-token)$/i;
const SECRET_REFERENCE = /\{\{\s*secret\./;

/** A token typed into the flow would be stored in the graph, shown in the designer and kept in versions. */
function lintCredentials(config: HttpRequestConfig): NodeLintIssue[] {
  const issues: NodeLintIssue[] = [];
  config.headers.forEach((header, index) => {
    if (CREDENTIAL_HEADER.test(header.name) && header.value.trim() !== "" && !SECRET_REFERENCE.test(header.value)) {
      issues.push({ severity: "warning", code: "literal-credential", path: ["headers", index, "value"], params: { header: header.name } });
    }
  });
  return issues;
}

export const httpRequestDefinition: NodeDefinition<HttpRequestConfig> = {
  type: "http-request",
  kinds: ["ivr", "campaign"],
  category: "integration",
  label: { en: "HTTP request", zh: "HTTP 请求" },
  description: {
    en: "Calls a web service and stores fields of its JSON answer in variables. Network errors, timeouts and non-2xx answers take the error path. Only hosts on the administrator's HTTP allow-list can be called; use {{secret.NAME}} for tokens (each secret only goes to the hosts it is bound to).",
    zh: "调用 Web 接口，并把 JSON 响应中的字段保存到变量。网络错误、超时和非 2xx 响应走“出错”分支。只能调用管理员 HTTP 允许列表中的主机；令牌请用 {{secret.名称}}（每个密钥只发送到与它绑定的主机）。",
  },
  icon: "world",
  schema: httpRequestSchema,
  defaults: () => ({ method: "GET", url: "https://", headers: [], body: null, timeoutSeconds: 5, responseMapping: [] }),
  ports: () => [
    { id: "success", label: portLabel("success"), required: true },
    { id: "error", label: portLabel("error"), required: true, silent: true },
  ],
  expressions: (config) => {
    const refs: ExpressionRef[] = [{ path: ["url"], source: config.url, mode: "template", allowSecrets: true }];
    config.headers.forEach((header, index) =>
      refs.push({ path: ["headers", index, "value"], source: header.value, mode: "template", allowSecrets: true }),
    );
    if (config.body !== null) refs.push({ path: ["body"], source: config.body, mode: "template", allowSecrets: true });
    return refs;
  },
  writes: (config) => [
    ...config.responseMapping.map((mapping, index) => ({ name: mapping.variable, type: "any" as const, path: ["responseMapping", index, "variable"] })),
    ...(config.statusVariable === undefined ? [] : [{ name: config.statusVariable, type: "any" as const, path: ["statusVariable"] }]),
  ],
  lint: (config, context) => [...lintDestination(config, context), ...lintCredentials(config)],
  formHints: {
    method: { widget: "select", label: { en: "Method", zh: "方法" } },
    url: { widget: "template", label: { en: "URL", zh: "URL" } },
    headers: { widget: "list", label: { en: "Headers", zh: "请求头" } },
    "headers.name": { widget: "text", label: { en: "Name", zh: "名称" } },
    "headers.value": { widget: "template", label: { en: "Value", zh: "值" } },
    body: { widget: "textarea", label: { en: "Body", zh: "请求体" } },
    timeoutSeconds: { widget: "number", label: { en: "Timeout (seconds)", zh: "超时（秒）" } },
    responseMapping: { widget: "list", label: { en: "Response fields", zh: "响应字段" } },
    "responseMapping.variable": { widget: "text", label: { en: "Variable", zh: "变量" } },
    "responseMapping.path": { widget: "text", label: { en: "Field path", zh: "字段路径" } },
    statusVariable: { widget: "text", label: { en: "Store status in", zh: "状态码保存到" } },
  },
};
