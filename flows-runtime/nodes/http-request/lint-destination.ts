import { parseTemplate, secretNames } from "../../expressions";
import type { LintContext, NodeLintIssue } from "../node-definition";
import { literalUrlTarget, matchingEntries, secretMayGoTo } from "./http-policy";
import type { HttpRequestConfig } from "./schema";

function secretsIn(source: string): string[] {
  const parsed = parseTemplate(source);
  return parsed.ok ? secretNames(parsed.ast) : [];
}

/**
 * The request's host must be on the administrator's allow-list, and every secret it carries must be
 * bound to that host: a flow author cannot send a token to a server of their own. Not checked
 * without a policy (the validator then cannot know it); the HTTP activity checks again anyway.
 */
export function lintDestination(config: HttpRequestConfig, context: LintContext): NodeLintIssue[] {
  if (!/^https?:\/\//i.test(config.url)) return [];
  const target = literalUrlTarget(config.url);
  if (target === null) {
    const host = /^https?:\/\/([^/?#:]*)/i.exec(config.url)?.[1] ?? "";
    return [{ severity: "error", code: "http-host-invalid", path: ["url"], params: { host } }];
  }
  const policy = context.httpPolicy;
  if (policy === null) return [];
  const where = target.port === (target.scheme === "https" ? 443 : 80) ? target.host : `${target.host}:${target.port}`;
  const issues: NodeLintIssue[] = [];
  if (matchingEntries(policy, target.host, target.port, target.scheme).length === 0) {
    issues.push({ severity: "error", code: "http-host-not-allowed", path: ["url"], params: { host: where } });
  }
  const fields: { path: (string | number)[]; source: string }[] = [
    { path: ["url"], source: config.url },
    ...config.headers.map((header, index) => ({ path: ["headers", index, "value"], source: header.value })),
    ...(config.body === null ? [] : [{ path: ["body"], source: config.body }]),
  ];
  for (const field of fields) {
    for (const secret of secretsIn(field.source)) {
      if (!secretMayGoTo(policy, secret, target.host, target.port, target.scheme)) {
        issues.push({ severity: "error", code: "secret-not-allowed-here", path: field.path, params: { secret, host: where } });
      }
    }
  }
  return issues;
}
