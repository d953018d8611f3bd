import { validateGraph } from "@/flows-runtime/compiler/validate";
import { makeIssue } from "@/flows-runtime/compiler/issue";
import { migrateGraph } from "@/flows-runtime/graph/migrations";
import { graphSchema, type FlowKind, type Graph } from "@/flows-runtime/graph/schema";
import type { AppLocale } from "@/app/_i18n/locales";
import { AppError } from "@/app/_server/http/app-error";
import { invalidGraph } from "./graph-issues";

/**
 * A draft may be unfinished (unconnected exits, empty prompts) but must be a well-formed graph of the
 * flow's kind, so the canvas can always open it again. Malformed ones are refused with the
 * validator's description of what is wrong.
 */
export function parseDraftGraph(raw: unknown, kind: FlowKind, locale: AppLocale): Graph {
  const parsed = graphSchema.safeParse(migrateGraph(raw));
  if (!parsed.success) {
    const result = validateGraph(raw);
    const issues = result.ok ? [] : result.issues.filter((issue) => issue.severity === "error");
    const fallback = parsed.error.issues.map((issue) =>
      makeIssue({ code: "graph-field-invalid", path: issue.path.map((key) => (typeof key === "number" ? key : String(key))), params: { scope: "graph", field: issue.path.join("."), detail: issue.message } }),
    );
    throw invalidGraph(issues.length > 0 ? issues : fallback, locale, "The draft is not a well-formed flow graph.");
  }
  if (parsed.data.kind !== kind) {
    throw new AppError(422, "kind_mismatch", `A ${parsed.data.kind} graph cannot be saved to a ${kind} flow.`, { kind: parsed.data.kind, expected: kind });
  }
  return parsed.data;
}
