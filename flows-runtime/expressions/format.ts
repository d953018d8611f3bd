import type { BinaryOperator, Expr, LiteralValue, LogicalOperator } from "./ast";

const PRECEDENCE: Record<BinaryOperator | LogicalOperator, number> = {
  "||": 2,
  "&&": 3,
  "==": 4,
  "!=": 4,
  "<": 5,
  "<=": 5,
  ">": 5,
  ">=": 5,
  "+": 6,
  "-": 6,
  "*": 7,
  "/": 7,
  "%": 7,
};
const CONDITIONAL = 1;
const UNARY = 8;
const POSTFIX = 9;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function precedence(node: Expr): number {
  switch (node.kind) {
    case "conditional":
      return CONDITIONAL;
    case "binary":
    case "logical":
      return PRECEDENCE[node.operator];
    case "unary":
      return UNARY;
    case "literal":
      return typeof node.value === "number" && (node.value < 0 || Object.is(node.value, -0)) ? UNARY : POSTFIX;
    default:
      return POSTFIX;
  }
}

function quote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return `${out}"`;
}

function literal(value: LiteralValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return quote(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  // Parsed plans never hold non-finite numbers (JSON would turn them into null anyway).
  if (!Number.isFinite(value)) return "null";
  return Object.is(value, -0) ? "-0" : String(value);
}

function wrap(node: Expr, minimum: number): string {
  const text = format(node);
  return precedence(node) < minimum ? `(${text})` : text;
}

function format(node: Expr): string {
  switch (node.kind) {
    case "literal":
      return literal(node.value);
    case "variable":
      return node.name;
    case "member": {
      const object = wrap(node.object, POSTFIX);
      return IDENTIFIER.test(node.property) ? `${object}.${node.property}` : `${object}[${quote(node.property)}]`;
    }
    case "index":
      return `${wrap(node.object, POSTFIX)}[${format(node.index)}]`;
    case "unary": {
      const argument = wrap(node.argument, UNARY);
      // "--x" parses fine but reads like a decrement.
      return node.operator === "-" && argument.startsWith("-") ? `-(${argument})` : `${node.operator}${argument}`;
    }
    case "binary":
    case "logical": {
      const level = PRECEDENCE[node.operator];
      // Left-associative: a right operand at the same level needs parentheses, a left one does not.
      return `${wrap(node.left, level)} ${node.operator} ${wrap(node.right, level + 1)}`;
    }
    case "conditional":
      return `${wrap(node.test, CONDITIONAL + 1)} ? ${format(node.consequent)} : ${format(node.alternate)}`;
    case "call":
      return `${node.callee}(${node.args.map(format).join(", ")})`;
  }
}

/** Canonical one-line source for an AST: single spaces around operators, only the parentheses precedence needs. */
export function formatExpression(ast: Expr): string {
  return format(ast);
}
