import type { BinaryExpr, ComparisonOperator, Expr } from "./ast";
import { toDisplayString } from "./display";
import { valuesEqual } from "./equality";
import { FUNCTIONS } from "./functions";
import { isForbiddenPropertyName } from "./limits";
import { ExpressionRuntimeError } from "./runtime-error";
import { isTruthy } from "./truthy";
import { describeValue, readOwnData, readOwnProperty } from "./values";

function failAt(node: Expr, code: string, message: string): never {
  throw new ExpressionRuntimeError(code, message, node.start, node.end - node.start);
}

/** Missing data reads as null all the way down: integrations return loosely shaped objects. */
function readMember(node: Expr, target: unknown, key: unknown): unknown {
  if (typeof key !== "string" && typeof key !== "number") {
    return failAt(node, "type_error", `Cannot use ${describeValue(key)} as a property name or index`);
  }
  const name = String(key);
  if (isForbiddenPropertyName(name)) failAt(node, "forbidden_property", `"${name}" cannot be used as a property name`);
  return readOwnProperty(target, name);
}

/** Arithmetic that could leave JSON (Infinity, NaN) fails instead; -0 becomes 0. */
function finite(node: Expr, value: number): number {
  if (!Number.isFinite(value)) failAt(node, "number_out_of_range", "The result is too large to be a number");
  return value === 0 ? 0 : value;
}

function compare(operator: ComparisonOperator, left: number | string, right: number | string): boolean {
  if (operator === "<") return left < right;
  if (operator === "<=") return left <= right;
  if (operator === ">") return left > right;
  return left >= right;
}

function evaluateBinary(node: BinaryExpr, left: unknown, right: unknown): unknown {
  const { operator } = node;
  if (operator === "==") return valuesEqual(left, right);
  if (operator === "!=") return !valuesEqual(left, right);
  if (operator === "+") {
    if (typeof left === "string" || typeof right === "string") return toDisplayString(left) + toDisplayString(right);
    if (typeof left === "number" && typeof right === "number") return finite(node, left + right);
    return failAt(node, "type_error", `Cannot add ${describeValue(left)} and ${describeValue(right)}`);
  }
  if (operator === "<" || operator === "<=" || operator === ">" || operator === ">=") {
    // Strings compare by UTF-16 code units: locale-independent, so every worker agrees.
    if (typeof left === "number" && typeof right === "number") return compare(operator, left, right);
    if (typeof left === "string" && typeof right === "string") return compare(operator, left, right);
    return failAt(node, "type_error", `Cannot compare ${describeValue(left)} with ${describeValue(right)} using "${operator}"`);
  }
  if (typeof left !== "number" || typeof right !== "number") {
    const verb = { "-": "subtract", "*": "multiply", "/": "divide", "%": "take the remainder of" }[operator];
    return failAt(node, "type_error", `Cannot ${verb} ${describeValue(left)} and ${describeValue(right)} ("${operator}" needs numbers)`);
  }
  if ((operator === "/" || operator === "%") && right === 0) return failAt(node, "division_by_zero", "Division by zero");
  if (operator === "-") return finite(node, left - right);
  if (operator === "*") return finite(node, left * right);
  if (operator === "/") return finite(node, left / right);
  return finite(node, left % right);
}

function evaluate(node: Expr, vars: Record<string, unknown>): unknown {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "variable":
      // An own-property read on the variables object: `constructor`, `process`, `globalThis` are just absent names.
      return readOwnData(vars, node.name);
    case "member":
      return readMember(node, evaluate(node.object, vars), node.property);
    case "index": {
      const target = evaluate(node.object, vars);
      return readMember(node, target, evaluate(node.index, vars));
    }
    case "unary": {
      const value = evaluate(node.argument, vars);
      if (node.operator === "!") return !isTruthy(value);
      if (typeof value !== "number") return failAt(node, "type_error", `Cannot negate ${describeValue(value)}`);
      return finite(node, -value);
    }
    case "binary":
      return evaluateBinary(node, evaluate(node.left, vars), evaluate(node.right, vars));
    case "logical": {
      const left = isTruthy(evaluate(node.left, vars));
      if (node.operator === "&&") return left && isTruthy(evaluate(node.right, vars));
      return left || isTruthy(evaluate(node.right, vars));
    }
    case "conditional":
      return isTruthy(evaluate(node.test, vars)) ? evaluate(node.consequent, vars) : evaluate(node.alternate, vars);
    case "call": {
      const spec = FUNCTIONS.get(node.callee);
      if (spec === undefined) return failAt(node, "unknown_function", `Unknown function "${node.callee}"`);
      if (node.args.length < spec.minArgs || node.args.length > spec.maxArgs) {
        return failAt(node, "wrong_arity", `${node.callee}() got ${node.args.length} arguments`);
      }
      const args = node.args.map((arg) => evaluate(arg, vars));
      const result = spec.call(args, (code, message) => failAt(node, code, message));
      return result === undefined ? null : result;
    }
    default:
      // Plans are JSON from storage; a node kind this version does not know is refused, not guessed at.
      throw new ExpressionRuntimeError("invalid_ast", "The expression is damaged or from a newer version");
  }
}

export function evaluateExpression(ast: Expr, vars: Record<string, unknown>): unknown {
  return evaluate(ast, vars);
}
