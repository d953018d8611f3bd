import { getNodeDefinition } from "../nodes/registry.definitions";
import { portLabel } from "../nodes/shared/port-label";
import { enMessages, isIssueCode } from "./en";
import { fieldLabel, pathLabel } from "./field-label";
import { localizeDetail, termOf } from "./localize-detail";
import { pick, type Locale } from "./locales";
import { TERM_PARAMS, TERMS } from "./terms";
import { zhCNMessages } from "./zh-CN";

export interface FormattableIssue {
  code: string;
  params: Record<string, string | number>;
  path: readonly (string | number)[];
}

/** `Menu "Main menu"`: the node's type in the reader's language and the admin's own label (or the id). */
export function nodeReference(nodeType: string, nodeLabel: string, locale: Locale): string {
  const definition = getNodeDefinition(nodeType);
  const typeLabel = definition === undefined ? nodeType : pick(definition.label, locale);
  return locale === "en" ? `${typeLabel} "${nodeLabel}"` : `${typeLabel}“${nodeLabel}”`;
}

function placeholder(name: string, issue: FormattableIssue, locale: Locale): string | undefined {
  const { params } = issue;
  const nodeType = typeof params.nodeType === "string" ? params.nodeType : null;
  if (name === "node" && nodeType !== null) return nodeReference(nodeType, String(params.nodeLabel ?? ""), locale);
  // Graph-level issues carry a path from the graph's root, not from the node's settings.
  if (name === "field") return nodeType === null || params.scope === "graph" ? pathLabel(issue.path) : fieldLabel(nodeType, issue.path, locale);
  const value = params[name];
  if (value === undefined) return undefined;
  if (name === "port") return pick(portLabel(String(value)), locale);
  if (name === "detail") return localizeDetail(String(value), locale);
  if (name === "kinds") return String(value).split(",").map((kind) => termOf(kind, locale)).join(locale === "en" ? " or " : "或");
  const term = TERM_PARAMS.has(name) && Object.hasOwn(TERMS, String(value)) ? TERMS[String(value)] : undefined;
  return term === undefined ? String(value) : pick(term, locale);
}

/** The issue's message in a UI language; unknown codes fall back to the code itself. */
export function formatIssue(issue: FormattableIssue, locale: Locale = "en"): string {
  if (!isIssueCode(issue.code)) return issue.code;
  const template = locale === "en" ? enMessages[issue.code] : zhCNMessages[issue.code];
  return template.replace(/\{([A-Za-z]+)\}/g, (match, name: string) => placeholder(name, issue, locale) ?? match);
}
