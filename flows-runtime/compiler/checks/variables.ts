import type { VariableDeclaration, VariableType } from "../../graph/schema";
import type { ValueType } from "../../expressions";
import { RESERVED_ROOTS, WRITABLE_CALL_PATHS } from "../../nodes/shared/call-fields";
import { isForbiddenName, rootOf } from "../../nodes/shared/identifier";
import { makeIssue, nodeIssue, type Issue } from "../issue";
import type { ValidNode } from "./settings";

export interface VariableScope {
  /** Static type of a root variable for typeCheck; undefined when no declaration or node provides it. */
  typeOf(root: string): ValueType | undefined;
  /** Declared type of a top-level variable, if declared. */
  declaredType(name: string): VariableType | undefined;
}

const MAX_INITIAL_DEPTH = 32;

function isJsonValue(value: unknown, depth: number): boolean {
  if (depth > MAX_INITIAL_DEPTH) return false;
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.entries(value).every(([key, item]) => !isForbiddenName(key) && isJsonValue(item, depth + 1));
}

function initialMatches(type: VariableType, value: unknown): boolean {
  if (!isJsonValue(value, 0)) return false;
  if (value === null || type === "any") return true;
  if (type === "object") return typeof value === "object";
  return typeof value === type;
}

function checkDeclarations(variables: readonly VariableDeclaration[], issues: Issue[]): Map<string, VariableType> {
  const declared = new Map<string, VariableType>();
  variables.forEach((variable, index) => {
    const path = ["variables", index, "name"];
    const params = { scope: "graph", name: variable.name };
    if (RESERVED_ROOTS.some((root) => root === variable.name) || isForbiddenName(variable.name)) {
      issues.push(makeIssue({ code: "reserved-variable", path, params }));
      return;
    }
    if (declared.has(variable.name)) {
      issues.push(makeIssue({ code: "duplicate-variable", path, params }));
      return;
    }
    if (variable.initial !== undefined && !initialMatches(variable.type, variable.initial)) {
      issues.push(makeIssue({ code: "variable-initial-invalid", path: ["variables", index, "initial"], params: { ...params, expected: variable.type } }));
    }
    declared.set(variable.name, variable.type);
  });
  return declared;
}

/**
 * Collects what variables exist (declared, or written by a node) and checks the writes:
 * system variables stay read-only, a dotted write needs an existing object variable.
 */
export function checkVariables(
  variables: readonly VariableDeclaration[],
  nodes: readonly ValidNode[],
  maybeWritten: ReadonlySet<string>,
  issues: Issue[],
): VariableScope {
  const declared = checkDeclarations(variables, issues);
  const written = new Map<string, Set<VariableType>>();
  const dotted: { valid: ValidNode; name: string; path: (string | number)[] }[] = [];

  for (const valid of nodes) {
    for (const write of valid.definition.writes(valid.config)) {
      const path = write.path ?? [];
      const root = rootOf(write.name);
      if (root === "call") {
        const allowed = valid.definition.entry === true || WRITABLE_CALL_PATHS.some((writable) => writable === write.name);
        if (!allowed) issues.push(nodeIssue(valid.node, "readonly-variable", path, { name: write.name }));
        continue;
      }
      if (root === "secret") {
        issues.push(nodeIssue(valid.node, "reserved-variable", path, { name: write.name }));
        continue;
      }
      if (write.name.includes(".")) {
        dotted.push({ valid, name: write.name, path });
        continue;
      }
      const declaredType = declared.get(write.name);
      if (declaredType !== undefined && declaredType !== "any" && write.type !== "any" && write.type !== declaredType) {
        issues.push(nodeIssue(valid.node, "type-mismatch", path, { expected: declaredType, actual: write.type }, "warning"));
      }
      const types = written.get(write.name) ?? new Set<VariableType>();
      types.add(write.type);
      written.set(write.name, types);
    }
  }

  const typeOfRoot = (root: string): ValueType | undefined => {
    if (root === "call") return "object";
    const declaredType = declared.get(root);
    if (declaredType !== undefined) return declaredType;
    const types = written.get(root);
    if (types === undefined) return maybeWritten.has(root) ? "any" : undefined;
    const [only] = types;
    return types.size === 1 && only !== undefined ? only : "any";
  };

  for (const { valid, name, path } of dotted) {
    const rootType = typeOfRoot(rootOf(name));
    if (rootType === undefined) issues.push(nodeIssue(valid.node, "unknown-variable", path, { name: rootOf(name) }));
    else if (rootType !== "object" && rootType !== "any") {
      issues.push(nodeIssue(valid.node, "type-mismatch", path, { expected: "object", actual: rootType }));
    }
  }

  return { typeOf: typeOfRoot, declaredType: (name) => declared.get(name) };
}
