import type { BinaryOperator, ExpressionError, Expr, ParseResult } from "./ast";
import { FUNCTION_NAMES, FUNCTIONS } from "./functions";
import { isForbiddenPropertyName, MAX_EXPRESSION_LENGTH, MAX_NESTING_DEPTH } from "./limits";
import { compileUserRegex } from "./regex";
import { tokenize, type Punctuator, type Token } from "./tokenize";

/** Thrown inside the parser only; parseExpressionRange turns it into an `{ ok: false }` result. */
class ParseFailure {
  constructor(readonly error: ExpressionError) {}
}

const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ["==", "!="],
  ["<", "<=", ">", ">="],
  ["+", "-"],
  ["*", "/", "%"],
];

/** Words people bring from other languages, with what to write instead. */
const OPERATOR_HINTS: Record<string, string> = {
  in: '"in" is not supported: use contains(list, value)',
  and: 'use "&&" for "and"',
  or: 'use "||" for "or"',
};

const SECRET_MESSAGE = "secrets can only be inserted as {{secret.NAME}}";

function tokenText(source: string, token: Token): string {
  const text = source.slice(token.start, token.end);
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
    private readonly endToken: Token,
  ) {}

  parseRoot(): Expr {
    const expr = this.parseTernary();
    const token = this.current();
    if (token.type !== "end") {
      if (token.type === "identifier" && Object.hasOwn(OPERATOR_HINTS, token.value)) {
        this.fail("unsupported_operator", `Unexpected "${token.value}" at position ${token.start}: ${OPERATOR_HINTS[token.value]}`, token);
      }
      this.unexpected(token);
    }
    return expr;
  }

  private current(): Token {
    return this.tokens[this.index] ?? this.endToken;
  }

  private advance(): Token {
    const token = this.current();
    if (token.type !== "end") this.index += 1;
    return token;
  }

  private isPunctuator(value: Punctuator): boolean {
    const token = this.current();
    return token.type === "punctuator" && token.value === value;
  }

  private fail(code: string, message: string, at: { start: number; end: number }): never {
    throw new ParseFailure({ code, message, position: at.start, length: at.end - at.start });
  }

  private unexpected(token: Token): never {
    if (token.type === "end") this.fail("unexpected_end", `Unexpected end of expression at position ${token.start}`, token);
    const shown = token.type === "string" ? `string ${tokenText(this.source, token)}` : `"${tokenText(this.source, token)}"`;
    this.fail("unexpected_token", `Unexpected ${shown} at position ${token.start}`, token);
  }

  private expect(value: Punctuator, opener: Token): Token {
    if (this.isPunctuator(value)) return this.advance();
    const token = this.current();
    if (token.type === "end" && (value === ")" || value === "]")) {
      this.fail("unclosed_bracket", `"${tokenText(this.source, opener)}" at position ${opener.start} is never closed`, opener);
    }
    if (token.type === "end") {
      this.fail("unexpected_end", `Unexpected end of expression at position ${token.start}: expected "${value}"`, token);
    }
    const shown = token.type === "string" ? `string ${tokenText(this.source, token)}` : `"${tokenText(this.source, token)}"`;
    this.fail("unexpected_token", `Unexpected ${shown} at position ${token.start}: expected "${value}"`, token);
  }

  /** Runs `parse` one nesting level deeper; the limit keeps hostile input from overflowing the stack. */
  private nested<T>(at: Token, parse: () => T): T {
    this.depth += 1;
    if (this.depth > MAX_NESTING_DEPTH) {
      this.fail("too_deep", `Expression is nested too deeply at position ${at.start} (maximum depth ${MAX_NESTING_DEPTH})`, at);
    }
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private parseTernary(): Expr {
    const test = this.parseOr();
    if (!this.isPunctuator("?")) return test;
    const question = this.advance();
    const consequent = this.nested(question, () => this.parseTernary());
    const colon = this.expect(":", question);
    const alternate = this.nested(colon, () => this.parseTernary());
    return { kind: "conditional", test, consequent, alternate, start: test.start, end: alternate.end };
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isPunctuator("||")) {
      this.advance();
      const right = this.parseAnd();
      left = { kind: "logical", operator: "||", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseBinary(0);
    while (this.isPunctuator("&&")) {
      this.advance();
      const right = this.parseBinary(0);
      left = { kind: "logical", operator: "&&", left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseBinary(level: number): Expr {
    const operators = BINARY_LEVELS[level];
    if (operators === undefined) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.current();
      const operator = token.type === "punctuator" ? operators.find((op) => op === token.value) : undefined;
      if (operator === undefined) return left;
      this.advance();
      const right = this.parseBinary(level + 1);
      left = { kind: "binary", operator, left, right, start: left.start, end: right.end };
    }
  }

  private parseUnary(): Expr {
    const token = this.current();
    if (token.type === "punctuator" && (token.value === "!" || token.value === "-")) {
      const operator = token.value;
      this.advance();
      const argument = this.nested(token, () => this.parseUnary());
      return { kind: "unary", operator, argument, start: token.start, end: argument.end };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Expr {
    let expr = this.parsePrimary();
    for (;;) {
      const token = this.current();
      if (token.type !== "punctuator") return expr;
      if (token.value === ".") {
        this.advance();
        const name = this.current();
        if (name.type !== "identifier") {
          this.fail("expected_property", `Expected a property name after "." at position ${token.start}`, name.type === "end" ? token : name);
        }
        this.advance();
        this.checkPropertyName(name.value, name);
        expr = { kind: "member", object: expr, property: name.value, start: expr.start, end: name.end };
      } else if (token.value === "[") {
        this.advance();
        const index = this.nested(token, () => this.parseTernary());
        const close = this.expect("]", token);
        if (index.kind === "literal" && typeof index.value === "string") this.checkPropertyName(index.value, index);
        expr = { kind: "index", object: expr, index, start: expr.start, end: close.end };
      } else if (token.value === "(") {
        this.fail(
          "not_callable",
          `Unexpected "(" at position ${token.start}: only these functions can be called: ${FUNCTION_NAMES.join(", ")}`,
          token,
        );
      } else {
        return expr;
      }
    }
  }

  private checkPropertyName(name: string, at: { start: number; end: number }): void {
    if (isForbiddenPropertyName(name)) {
      this.fail("forbidden_property", `"${name}" cannot be used as a property name`, at);
    }
  }

  private parsePrimary(): Expr {
    const token = this.advance();
    switch (token.type) {
      case "number":
      case "string":
        return { kind: "literal", value: token.value, start: token.start, end: token.end };
      case "identifier": {
        if (token.value === "true" || token.value === "false") {
          return { kind: "literal", value: token.value === "true", start: token.start, end: token.end };
        }
        if (token.value === "null") return { kind: "literal", value: null, start: token.start, end: token.end };
        if (this.isPunctuator("(")) return this.parseCall(token.value, token);
        if (token.value === "secret") {
          this.fail("secret_in_expression", `${SECRET_MESSAGE}; "secret" cannot be used inside an expression (position ${token.start})`, token);
        }
        return { kind: "variable", name: token.value, start: token.start, end: token.end };
      }
      case "punctuator": {
        if (token.value !== "(") return this.unexpected(token);
        const inner = this.nested(token, () => this.parseTernary());
        const close = this.expect(")", token);
        // The node covers its parentheses so error highlights include them.
        return { ...inner, start: token.start, end: close.end };
      }
      case "end":
        return this.unexpected(token);
    }
  }

  private parseCall(callee: string, name: Token): Expr {
    const spec = FUNCTIONS.get(callee);
    if (spec === undefined) {
      this.fail("unknown_function", `Unknown function "${callee}". Allowed: ${FUNCTION_NAMES.join(", ")}`, name);
    }
    const open = this.advance();
    const args: Expr[] = [];
    if (!this.isPunctuator(")")) {
      for (;;) {
        args.push(this.nested(open, () => this.parseTernary()));
        if (!this.isPunctuator(",")) break;
        this.advance();
      }
    }
    const close = this.expect(")", open);
    const call: Expr = { kind: "call", callee, args, start: name.start, end: close.end };
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      const expected =
        spec.maxArgs === Number.POSITIVE_INFINITY
          ? `at least ${spec.minArgs}`
          : spec.minArgs === spec.maxArgs
            ? `${spec.minArgs}`
            : `${spec.minArgs} to ${spec.maxArgs}`;
      const noun = expected === "1" ? "argument" : "arguments";
      this.fail("wrong_arity", `${callee}() takes ${expected} ${noun}, got ${args.length} (position ${name.start})`, call);
    }
    const pattern = callee === "matches" ? args[1] : undefined;
    if (pattern?.kind === "literal" && typeof pattern.value === "string") {
      const compiled = compileUserRegex(pattern.value);
      if (!compiled.ok) this.fail(compiled.code, `${compiled.message} (position ${pattern.start})`, pattern);
    }
    return call;
  }
}

/** Parses `source[from, to)`; positions in the AST and in errors are offsets into the whole `source`. */
export function parseExpressionRange(source: string, from: number, to: number): ParseResult<Expr> {
  const length = to - from;
  if (length > MAX_EXPRESSION_LENGTH) {
    return {
      ok: false,
      error: {
        code: "too_long",
        message: `Expression is too long (${length} characters; the maximum is ${MAX_EXPRESSION_LENGTH})`,
        position: from + MAX_EXPRESSION_LENGTH,
        length: length - MAX_EXPRESSION_LENGTH,
      },
    };
  }
  const tokenized = tokenize(source, from, to);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.tokens;
  const endToken = tokens[tokens.length - 1];
  if (endToken === undefined || endToken.type === "end" && tokens.length === 1) {
    return { ok: false, error: { code: "empty_expression", message: "The expression is empty", position: from, length } };
  }
  try {
    return { ok: true, ast: new Parser(source, tokens, endToken).parseRoot() };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.error };
    throw error;
  }
}

export function parseExpression(source: string): ParseResult<Expr> {
  return parseExpressionRange(source, 0, source.length);
}
