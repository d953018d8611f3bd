"use client";

import { useTranslations } from "next-intl";
import { z } from "zod";

/** A validator issue as the API sends it: `message` is already in the request's language. */
export const issueViewSchema = z.object({
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  message: z.string(),
  nodeId: z.string().nullable(),
  edgeId: z.string().nullable(),
});
export type IssueView = z.infer<typeof issueViewSchema>;

export function IssueList({ issues }: { issues: IssueView[] }) {
  const t = useTranslations("issues");
  return (
    <ul>
      {issues.map((issue, index) => (
        <li key={`${index}:${issue.code}`}>
          <span className={`badge ${issue.severity === "error" ? "deleted" : ""}`}>{t(issue.severity)}</span> {issue.message}
        </li>
      ))}
    </ul>
  );
}
