import { parseExpression, parseTemplate } from "@/flows-runtime/expressions";
import { checkPattern } from "@/flows-runtime/nodes/shared/pattern";

export type CodeMode = "expression" | "template" | "pattern";

export interface CodeDiagnostic {
  /** 0-based offsets into the source. */
  start: number;
  end: number;
  message: string;
}

/** Syntax errors at their exact position, from the same parser the validator and the engine use. */
export function codeDiagnostics(source: string, mode: CodeMode): CodeDiagnostic[] {
  if (source === "") return [];
  if (mode === "pattern") {
    const check = checkPattern(source);
    if (check.ok) return [];
    const start = Math.min(check.position, Math.max(0, source.length - 1));
    return [{ start, end: Math.min(source.length, start + 1), message: check.detail }];
  }
  const result = mode === "expression" ? parseExpression(source) : parseTemplate(source);
  if (result.ok) return [];
  const start = Math.min(result.error.position, source.length);
  const end = Math.min(source.length, start + Math.max(1, result.error.length));
  return [{ start, end: Math.max(end, start), message: result.error.message }];
}
