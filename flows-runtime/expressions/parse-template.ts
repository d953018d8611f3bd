import type { ParseResult, TemplateAst, TemplatePart } from "./ast";
import { MAX_TEMPLATE_LENGTH } from "./limits";
import { parseExpressionRange } from "./parse-expression";

const SECRET_HOLE = /^\s*secret\.([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/**
 * Index of the "}}" closing the hole whose content starts at `from`, skipping string literals so
 * `{{ default(x, "}}") }}` works. When a quote is never closed, the first "}}" is used so the
 * expression parser can report the unterminated string at its real position.
 */
function findHoleEnd(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "}" && source[i + 1] === "}") return i;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== ch) j += source[j] === "\\" ? 2 : 1;
      if (j >= source.length) return source.indexOf("}}", from);
      i = j + 1;
      continue;
    }
    i += 1;
  }
  return -1;
}

export function parseTemplate(source: string): ParseResult<TemplateAst> {
  if (source.length > MAX_TEMPLATE_LENGTH) {
    return {
      ok: false,
      error: {
        code: "too_long",
        message: `Template is too long (${source.length} characters; the maximum is ${MAX_TEMPLATE_LENGTH})`,
        position: MAX_TEMPLATE_LENGTH,
        length: source.length - MAX_TEMPLATE_LENGTH,
      },
    };
  }
  const parts: TemplatePart[] = [];
  let text = "";
  const flushText = () => {
    if (text !== "") parts.push({ kind: "text", text });
    text = "";
  };

  let i = 0;
  while (i < source.length) {
    if (source.startsWith("\\{{", i)) {
      text += "{{";
      i += 3;
      continue;
    }
    if (!source.startsWith("{{", i)) {
      const next = source.indexOf("{{", i + 1);
      const stop = next === -1 ? source.length : source[next - 1] === "\\" ? next - 1 : next;
      text += source.slice(i, Math.max(stop, i + 1));
      i = Math.max(stop, i + 1);
      continue;
    }
    const contentStart = i + 2;
    const end = findHoleEnd(source, contentStart);
    if (end === -1) {
      return {
        ok: false,
        error: {
          code: "unclosed_template",
          message: `"{{" at position ${i} is never closed with "}}"`,
          position: i,
          length: 2,
        },
      };
    }
    const content = source.slice(contentStart, end);
    if (content.trim() === "") {
      return {
        ok: false,
        error: { code: "empty_expression", message: `Empty "{{ }}" at position ${i}`, position: i, length: end + 2 - i },
      };
    }
    flushText();
    const secret = SECRET_HOLE.exec(content);
    if (secret?.[1] !== undefined) {
      parts.push({ kind: "secret", name: secret[1] });
    } else {
      const parsed = parseExpressionRange(source, contentStart, end);
      if (!parsed.ok) return parsed;
      parts.push({ kind: "expr", expr: parsed.ast });
    }
    i = end + 2;
  }
  flushText();
  return { ok: true, ast: { parts } };
}
