import type { Expr, TemplateAst } from "./ast";

/** The member path a node reads when it is a plain chain like a.b["c"][0]; null otherwise. */
function staticPath(node: Expr): string[] | null {
  if (node.kind === "variable") return [node.name];
  if (node.kind === "member") {
    const base = staticPath(node.object);
    return base === null ? null : [...base, node.property];
  }
  if (node.kind === "index" && node.index.kind === "literal") {
    const key = node.index.value;
    if (typeof key !== "string" && typeof key !== "number") return null;
    const base = staticPath(node.object);
    return base === null ? null : [...base, String(key)];
  }
  return null;
}

function collect(node: Expr, add: (path: string[]) => void): void {
  const path = staticPath(node);
  if (path !== null) {
    add(path);
    return;
  }
  switch (node.kind) {
    case "literal":
    case "variable":
      return;
    case "member":
      collect(node.object, add);
      return;
    case "index":
      collect(node.object, add);
      collect(node.index, add);
      return;
    case "unary":
      collect(node.argument, add);
      return;
    case "binary":
    case "logical":
      collect(node.left, add);
      collect(node.right, add);
      return;
    case "conditional":
      collect(node.test, add);
      collect(node.consequent, add);
      collect(node.alternate, add);
      return;
    case "call":
      for (const arg of node.args) collect(arg, add);
      return;
  }
}

/** Member paths read, e.g. [["customer", "tier"], ["attempts"]]: de-duplicated, in source order, secrets excluded. */
export function referencedVariables(ast: Expr | TemplateAst): string[][] {
  const seen = new Set<string>();
  const paths: string[][] = [];
  const add = (path: string[]) => {
    const key = JSON.stringify(path);
    if (seen.has(key)) return;
    seen.add(key);
    paths.push(path);
  };
  if ("parts" in ast) {
    for (const part of ast.parts) if (part.kind === "expr") collect(part.expr, add);
  } else {
    collect(ast, add);
  }
  return paths;
}
