import { AppError } from "./app-error";
import type { FieldProblem } from "./parse-input";

/** Far deeper than any graph or form needs, and well below where Prisma's nested writes overflow (~150). */
export const maxJsonDepth = 64;

// With the u flag a surrogate pair is one code point, so this matches only an unpaired half.
const loneSurrogate = /[\uD800-\uDFFF]/u;

// PostgreSQL refuses NUL in text and jsonb (22021, 22P05) and lone surrogates cannot be encoded as UTF-8.
function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain a NUL character (\\u0000)";
  if (loneSurrogate.test(text)) return "must not contain an unpaired UTF-16 surrogate";
  return null;
}

/**
 * Refuses, as a 400 naming the field, input that would fail only later in the database: NUL
 * characters, unpaired surrogates (in values and in keys) and nesting beyond maxJsonDepth. Iterative,
 * so a hostile depth cannot overflow the stack here either.
 */
export function assertStorable(value: unknown, root = "body"): void {
  const problems: FieldProblem[] = [];
  const pending: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  const name = (path: string[]) => (path.length === 0 ? root : path.join("."));
  while (pending.length > 0 && problems.length < 20) {
    const item = pending.pop();
    if (item === undefined) break;
    if (typeof item.value === "string") {
      const problem = textProblem(item.value);
      if (problem) problems.push({ field: name(item.path), message: problem });
      continue;
    }
    if (typeof item.value !== "object" || item.value === null) continue;
    if (item.path.length >= maxJsonDepth) {
      problems.push({ field: name(item.path), message: `is nested deeper than ${maxJsonDepth} levels` });
      continue;
    }
    for (const [key, child] of Object.entries(item.value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) {
        problems.push({ field: name([...item.path, JSON.stringify(key)]), message: `key ${keyProblem}` });
        continue;
      }
      pending.push({ value: child, path: [...item.path, key] });
    }
  }
  if (problems.length === 0) return;
  const summary = problems.slice(0, 5).map((p) => `${p.field}: ${p.message}`).join("; ");
  throw new AppError(400, "invalid_input", `Invalid ${root}: ${summary}${problems.length > 5 ? "; …" : ""}`, { fields: problems });
}
