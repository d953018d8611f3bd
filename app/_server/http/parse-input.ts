import type { z } from "zod";
import { AppError } from "./app-error";

export interface FieldProblem {
  field: string;
  message: string;
}

/** Dotted path of a zod issue ("graph.nodes.3.id"), or the name of the whole input when at its root. */
function fieldName(path: readonly PropertyKey[], root: string): string {
  return path.length === 0 ? root : path.map(String).join(".");
}

/** Parses untrusted input; a failure is a 400 whose message and `fields` name every offending field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, value: unknown, root = "body"): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: FieldProblem[] = result.error.issues.map((issue) => ({ field: fieldName(issue.path, root), message: issue.message }));
  const summary = fields.slice(0, 5).map((f) => `${f.field}: ${f.message}`).join("; ");
  throw new AppError(400, "invalid_input", `Invalid ${root}: ${summary}${fields.length > 5 ? "; …" : ""}`, { fields });
}
