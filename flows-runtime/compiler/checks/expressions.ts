import {
  parseExpression,
  parseTemplate,
  referencedVariables,
  typeCheck,
  type Expr,
  type ExpressionError,
  type ValueType,
} from "../../expressions";
import type { ExpressionRef } from "../../nodes/node-definition";
import { CALL_FIELDS, isCallField } from "../../nodes/shared/call-fields";
import { nodeIssue, type Issue } from "../issue";
import type { ValidNode } from "./settings";
import type { VariableScope } from "./variables";

const at = (position: number, length: number) => ({ position, length, column: position + 1 });

function syntaxIssue(valid: Pick<ValidNode, "node">, ref: ExpressionRef, error: ExpressionError): Issue {
  return nodeIssue(valid.node, "expression-syntax", ref.path, { detail: error.message, errorCode: error.code, ...at(error.position, error.length) });
}

const compatible = (expected: ValueType, actual: ValueType): boolean => actual === "any" || expected === "any" || actual === expected;

function checkAst(valid: Pick<ValidNode, "node">, ref: ExpressionRef, ast: Expr, scope: VariableScope, issues: Issue[]): ValueType {
  const result = typeCheck(ast, scope.typeOf);
  for (const issue of result.issues) {
    const position = at(issue.position, issue.length);
    if (issue.code === "unknown_variable") {
      const name = ref.source.slice(issue.position, issue.position + issue.length);
      const code = name === "secret" ? "secret-not-allowed" : "unknown-variable";
      issues.push(nodeIssue(valid.node, code, ref.path, { name, ...position }));
    } else {
      issues.push(nodeIssue(valid.node, "expression-type", ref.path, { detail: issue.message, errorCode: issue.code, ...position }));
    }
  }
  for (const path of referencedVariables(ast)) {
    const field = path[1];
    if (path[0] === "call" && field !== undefined && !isCallField(field)) {
      const position = Math.max(0, ref.source.indexOf(`call.${field}`));
      issues.push(nodeIssue(valid.node, "unknown-call-field", ref.path, { name: field, available: CALL_FIELDS.join(", "), ...at(position, field.length + 5) }));
    }
  }
  return result.type;
}

function checkType(valid: Pick<ValidNode, "node">, ref: ExpressionRef, type: ValueType, scope: VariableScope, issues: Issue[]): void {
  const expected = ref.expects ?? (ref.assignsTo === undefined ? undefined : scope.declaredType(ref.assignsTo));
  if (expected !== undefined && type !== "null" && !compatible(expected, type)) {
    issues.push(nodeIssue(valid.node, "type-mismatch", ref.path, { expected, actual: type }));
  }
}

/** Parses and checks every expression and template of a node, except those under `skipFields`. */
export function checkExpressions(
  valid: Pick<ValidNode, "node" | "definition" | "config">,
  scope: VariableScope,
  issues: Issue[],
  skipFields: ReadonlySet<string> = new Set(),
): void {
  for (const ref of valid.definition.expressions(valid.config)) {
    if (typeof ref.path[0] === "string" && skipFields.has(ref.path[0])) continue;
    if (ref.mode === "expression") {
      const parsed = parseExpression(ref.source);
      if (!parsed.ok) issues.push(syntaxIssue(valid, ref, parsed.error));
      else checkType(valid, ref, checkAst(valid, ref, parsed.ast, scope, issues), scope, issues);
      continue;
    }
    const parsed = parseTemplate(ref.source);
    if (!parsed.ok) {
      issues.push(syntaxIssue(valid, ref, parsed.error));
      continue;
    }
    let secretReported = false;
    for (const part of parsed.ast.parts) {
      if (part.kind === "expr") checkAst(valid, ref, part.expr, scope, issues);
      if (part.kind === "secret" && ref.allowSecrets !== true && !secretReported) {
        secretReported = true;
        const position = Math.max(0, ref.source.indexOf("secret"));
        issues.push(nodeIssue(valid.node, "secret-not-allowed", ref.path, { name: part.name, ...at(position, 6) }));
      }
    }
  }
}
