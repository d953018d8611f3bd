import type { Expr, TypeIssue, ValueType } from "./ast";
import { FUNCTIONS } from "./functions";

const ARTICLE: Record<ValueType, string> = {
  string: "a string",
  number: "a number",
  boolean: "a boolean",
  object: "an object",
  any: "any value",
  null: "null",
};

/** Values of these types may be anything at run time, so no issue is raised about them. */
const isOpen = (type: ValueType): boolean => type === "any";

class Checker {
  readonly issues: TypeIssue[] = [];

  constructor(private readonly typeOf: (rootVariable: string) => ValueType | undefined) {}

  private issue(node: Expr, code: string, message: string): void {
    this.issues.push({ code, message, position: node.start, length: node.end - node.start });
  }

  check(node: Expr): ValueType {
    switch (node.kind) {
      case "literal":
        if (node.value === null) return "null";
        if (typeof node.value === "string") return "string";
        if (typeof node.value === "number") return "number";
        return "boolean";
      case "variable": {
        const type = this.typeOf(node.name);
        if (type === undefined) {
          this.issue(node, "unknown_variable", `Unknown variable "${node.name}"`);
          return "any";
        }
        return type;
      }
      case "member":
        return this.member(node, this.check(node.object), `".${node.property}"`);
      case "index": {
        const objectType = this.check(node.object);
        const indexType = this.check(node.index);
        if (!isOpen(indexType) && indexType !== "string" && indexType !== "number") {
          this.issue(node.index, "invalid_index", `An index must be a string or a number, not ${ARTICLE[indexType]}`);
        }
        return this.member(node, objectType, "an item");
      }
      case "unary": {
        const type = this.check(node.argument);
        if (node.operator === "!") return "boolean";
        this.expectNumber(node.argument, type, 'the "-" sign');
        return "number";
      }
      case "binary":
        return this.binary(node);
      case "logical":
        this.check(node.left);
        this.check(node.right);
        return "boolean";
      case "conditional": {
        this.check(node.test);
        const consequent = this.check(node.consequent);
        const alternate = this.check(node.alternate);
        return consequent === alternate ? consequent : "any";
      }
      case "call":
        return this.call(node);
    }
  }

  private member(node: Expr, objectType: ValueType, what: string): ValueType {
    if (objectType === "string" || objectType === "number" || objectType === "boolean") {
      this.issue(node, "not_an_object", `Cannot read ${what} of ${ARTICLE[objectType]}; it is always null`);
      return "null";
    }
    return "any";
  }

  private expectNumber(node: Expr, type: ValueType, where: string): void {
    if (type !== "number" && !isOpen(type)) {
      this.issue(node, "type_mismatch", `Expected a number for ${where}, got ${ARTICLE[type]}`);
    }
  }

  private binary(node: Extract<Expr, { kind: "binary" }>): ValueType {
    const left = this.check(node.left);
    const right = this.check(node.right);
    const { operator } = node;
    if (operator === "==" || operator === "!=") {
      const knownApart = !isOpen(left) && !isOpen(right) && left !== right && left !== "null" && right !== "null";
      if (knownApart) {
        const outcome = operator === "==" ? "false" : "true";
        this.issue(node, "incomparable_types", `This is always ${outcome}: it compares ${ARTICLE[left]} with ${ARTICLE[right]}`);
      }
      return "boolean";
    }
    if (operator === "+") {
      if (left === "string" || right === "string") return "string";
      if (left === "number" && right === "number") return "number";
      const operandsFit = (isOpen(left) || left === "number") && (isOpen(right) || right === "number");
      if (!operandsFit) this.issue(node, "type_mismatch", `Cannot add ${ARTICLE[left]} and ${ARTICLE[right]}`);
      return "any";
    }
    if (operator === "<" || operator === "<=" || operator === ">" || operator === ">=") {
      const fits = (type: ValueType) => isOpen(type) || type === "number" || type === "string";
      const mixed = !isOpen(left) && !isOpen(right) && left !== right;
      if (!fits(left) || !fits(right) || mixed) {
        this.issue(node, "type_mismatch", `Cannot compare ${ARTICLE[left]} with ${ARTICLE[right]} using "${operator}"`);
      }
      return "boolean";
    }
    this.expectNumber(node.left, left, `"${operator}"`);
    this.expectNumber(node.right, right, `"${operator}"`);
    return "number";
  }

  private call(node: Extract<Expr, { kind: "call" }>): ValueType {
    const argTypes = node.args.map((arg) => this.check(arg));
    const spec = FUNCTIONS.get(node.callee);
    if (spec === undefined) {
      this.issue(node, "unknown_function", `Unknown function "${node.callee}"`);
      return "any";
    }
    argTypes.forEach((type, index) => {
      const accepted = spec.params[Math.min(index, spec.params.length - 1)] ?? [];
      const arg = node.args[index];
      if (arg !== undefined && !isOpen(type) && !accepted.includes(type)) {
        const expected = accepted.map((t) => ARTICLE[t]).join(" or ");
        this.issue(arg, "invalid_argument", `${node.callee}() expects ${expected} as argument ${index + 1}, got ${ARTICLE[type]}`);
      }
    });
    return spec.returns(argTypes);
  }
}

/**
 * Static check for the designer: unknown variables and operations that always fail or are always
 * false. Members of "object"/"any" values are "any", so only definite mistakes are reported.
 */
export function typeCheck(
  ast: Expr,
  typeOf: (rootVariable: string) => ValueType | undefined,
): { type: ValueType; issues: TypeIssue[] } {
  const checker = new Checker(typeOf);
  const type = checker.check(ast);
  return { type, issues: checker.issues };
}
