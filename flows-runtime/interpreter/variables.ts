import type { Variables } from "../nodes/node-definition";
import { isForbiddenName } from "../nodes/shared/identifier";

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

function segmentsOf(path: string): string[] {
  const segments = path.split(".");
  for (const segment of segments) {
    if (segment === "") throw new Error(`invalid variable path "${path}"`);
    // These names reach JavaScript internals (prototype pollution), never flow data.
    if (isForbiddenName(segment)) throw new Error(`variable path "${path}" uses the forbidden name "${segment}"`);
  }
  return segments;
}

function readOwn(target: unknown, key: string): unknown {
  if (!(isPlainObject(target) || Array.isArray(target)) || !Object.hasOwn(target, key)) return undefined;
  return Object.getOwnPropertyDescriptor(target, key)?.value;
}

/**
 * The call's variables. Nested writes copy the objects on their path instead of changing them,
 * so a snapshot taken before a step stays as it was (the trace diffs rely on it).
 */
export class FlowVariables implements Variables {
  private readonly values: Record<string, unknown> = Object.create(null);

  constructor(initial: Record<string, unknown> = {}) {
    for (const [name, value] of Object.entries(initial)) {
      if (!isForbiddenName(name) && value !== undefined) this.values[name] = value;
    }
  }

  get(path: string): unknown {
    const [root, ...rest] = segmentsOf(path);
    let current = root === undefined ? undefined : readOwn(this.values, root);
    for (const segment of rest) current = readOwn(current, segment);
    return current;
  }

  set(path: string, value: unknown): void {
    const [root, ...rest] = segmentsOf(path);
    if (root === undefined) return;
    if (rest.length === 0) {
      this.values[root] = value;
      return;
    }
    this.values[root] = FlowVariables.withPath(readOwn(this.values, root), rest, value, root);
  }

  private static withPath(container: unknown, path: string[], value: unknown, where: string): Record<string, unknown> {
    if (container !== undefined && container !== null && !isPlainObject(container)) {
      throw new Error(`cannot set a field inside "${where}": it is not an object`);
    }
    const copy: Record<string, unknown> = { ...(container ?? {}) };
    const [head, ...rest] = path;
    if (head === undefined) return copy;
    copy[head] = rest.length === 0 ? value : FlowVariables.withPath(readOwn(copy, head), rest, value, `${where}.${head}`);
    return copy;
  }

  snapshot(): Record<string, unknown> {
    return { ...this.values };
  }

  /** The live values, for the expression evaluator (which only reads). */
  record(): Readonly<Record<string, unknown>> {
    return this.values;
  }
}
