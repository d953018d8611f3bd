import type { Issue } from "@/flows-runtime/compiler/issue";
import { formatIssue } from "@/flows-runtime/i18n/format-issue";
import type { AppLocale } from "@/app/_i18n/locales";
import { AppError } from "@/app/_server/http/app-error";

export interface IssueView {
  severity: Issue["severity"];
  code: string;
  /** In the request's language (flows-runtime's catalogs). */
  message: string;
  params: Record<string, string | number>;
  nodeId: string | null;
  edgeId: string | null;
  path: (string | number)[];
}

export function toIssueViews(issues: readonly Issue[], locale: AppLocale): IssueView[] {
  return issues.map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    message: formatIssue(issue, locale),
    params: issue.params,
    nodeId: issue.nodeId,
    edgeId: issue.edgeId,
    path: issue.path,
  }));
}

/** 422 listing every problem, errors first, so the admin can fix them all in one go. */
export function invalidGraph(issues: readonly Issue[], locale: AppLocale, message = "The flow has problems that must be fixed first."): AppError {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const errorCount = issues.filter((issue) => issue.severity === "error").length;
  return new AppError(422, "invalid_graph", `${message} (${errorCount} error(s))`, { issues: toIssueViews(sorted, locale) });
}
