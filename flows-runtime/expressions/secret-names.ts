import type { TemplateAst } from "./ast";

/** Names of the secrets a template inserts, de-duplicated, in order of first use. */
export function secretNames(ast: TemplateAst): string[] {
  const names: string[] = [];
  for (const part of ast.parts) {
    if (part.kind === "secret" && !names.includes(part.name)) names.push(part.name);
  }
  return names;
}
