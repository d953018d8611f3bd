/**
 * AST node shapes. Every node is a plain JSON object (no classes, no undefined fields) because it is
 * stored in the compiled plan and must compare byte-identical after a JSON round trip.
 * `start`/`end` are 0-based offsets into the parsed source (for templates: into the whole template).
 */

export type LiteralValue = string | number | boolean | null;

export type UnaryOperator = "!" | "-";
export type ArithmeticOperator = "+" | "-" | "*" | "/" | "%";
export type ComparisonOperator = "<" | "<=" | ">" | ">=";
export type EqualityOperator = "==" | "!=";
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | EqualityOperator;
export type LogicalOperator = "&&" | "||";

export interface LiteralExpr {
  kind: "literal";
  value: LiteralValue;
  start: number;
  end: number;
}

export interface VariableExpr {
  kind: "variable";
  name: string;
  start: number;
  end: number;
}

/** `object.property` */
export interface MemberExpr {
  kind: "member";
  object: Expr;
  property: string;
  start: number;
  end: number;
}

/** `object[index]` */
export interface IndexExpr {
  kind: "index";
  object: Expr;
  index: Expr;
  start: number;
  end: number;
}

export interface UnaryExpr {
  kind: "unary";
  operator: UnaryOperator;
  argument: Expr;
  start: number;
  end: number;
}

export interface BinaryExpr {
  kind: "binary";
  operator: BinaryOperator;
  left: Expr;
  right: Expr;
  start: number;
  end: number;
}

export interface LogicalExpr {
  kind: "logical";
  operator: LogicalOperator;
  left: Expr;
  right: Expr;
  start: number;
  end: number;
}

export interface ConditionalExpr {
  kind: "conditional";
  test: Expr;
  consequent: Expr;
  alternate: Expr;
  start: number;
  end: number;
}

export interface CallExpr {
  kind: "call";
  callee: string;
  args: Expr[];
  start: number;
  end: number;
}

export type Expr =
  | LiteralExpr
  | VariableExpr
  | MemberExpr
  | IndexExpr
  | UnaryExpr
  | BinaryExpr
  | LogicalExpr
  | ConditionalExpr
  | CallExpr;

export type TemplatePart = { kind: "text"; text: string } | { kind: "expr"; expr: Expr } | { kind: "secret"; name: string };

export type TemplateAst = { parts: TemplatePart[] };

export interface ExpressionError {
  code: string;
  message: string;
  /** 0-based offset into the source given to the parser (for templates: into the whole template). */
  position: number;
  length: number;
}

export type ParseResult<T> = { ok: true; ast: T } | { ok: false; error: ExpressionError };

export type ValueType = "string" | "number" | "boolean" | "object" | "any" | "null";

export interface TypeIssue {
  code: string;
  message: string;
  position: number;
  length: number;
}
