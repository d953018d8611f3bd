import { readFile } from "node:fs/promises";
import type { Issue } from "@/flows-runtime/compiler/issue";
import { validateGraph, type ValidateOptions } from "@/flows-runtime/compiler/validate";
import type { Graph } from "@/flows-runtime/graph/schema";
import { findJsonSyntaxError } from "./json-syntax-error";

export type LoadedFlow =
  | { ok: true; graph: Graph; warnings: Issue[] }
  | { ok: false; reason: "unreadable" | "json"; message: string }
  | { ok: false; reason: "invalid"; message: string; issues: Issue[] };

/** "line 3, column 12: expected ',' or '}'" and the line itself with a caret under the spot. */
function describeJsonError(text: string, fallback: string): string {
  const found = findJsonSyntaxError(text);
  if (found === null) return fallback;
  const lineText = text.split("\n")[found.line - 1] ?? "";
  return `line ${found.line}, column ${found.column}: ${found.message}\n    ${lineText}\n    ${" ".repeat(Math.max(0, found.column - 1))}^`;
}

/** Reads, parses and validates a flow file; every failure comes back with a message for the user. */
export async function loadFlowFile(file: string, options: ValidateOptions = {}): Promise<LoadedFlow> {
  let text: string;
  try {
    // Editors on Windows save UTF-8 with a byte order mark, which JSON.parse refuses.
    text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    const code = err instanceof Error && "code" in err ? String(err.code) : "";
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String(err);
    return { ok: false, reason: "unreadable", message: `cannot read ${file}: ${why}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: "json", message: `${file} is not valid JSON: ${describeJsonError(text, message)}` };
  }
  const result = validateGraph(json, options);
  if (!result.ok) {
    const errors = result.issues.filter((i) => i.severity === "error").length;
    return {
      ok: false,
      reason: "invalid",
      message: `${file} is not a valid flow: ${errors} error(s), ${result.issues.length - errors} warning(s)`,
      issues: result.issues,
    };
  }
  return { ok: true, graph: result.graph, warnings: result.warnings };
}
