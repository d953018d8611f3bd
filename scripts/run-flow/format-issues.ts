import type { Issue } from "@/flows-runtime/compiler/issue";

/** ["options", 2, "key"] → "options[2].key". */
export function formatFieldPath(path: (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out === "" ? part : `${out}.${part}`), "");
}

/** One line per issue, errors first: severity, where (node, edge, field path) and the message. */
export function formatIssues(issues: Issue[]): string[] {
  const ordered = [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity !== "error")];
  return ordered.map((issue) => {
    const where = [
      issue.nodeId !== null ? `node ${issue.nodeId}` : null,
      issue.edgeId !== null ? `edge ${issue.edgeId}` : null,
      issue.path.length > 0 ? formatFieldPath(issue.path) : null,
    ].filter((part) => part !== null);
    return `  ${issue.severity.padEnd(7)} ${where.length > 0 ? `${where.join("  ")}: ` : ""}${issue.message} [${issue.code}]`;
  });
}
