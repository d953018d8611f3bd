import type { VariableDeclaration } from "../graph/schema";
import { compareStrings } from "./compare";
import { diffValues } from "./diff-values";
import { indexBy } from "./index-by";
import type { VariablesDiff } from "./types";

function withoutName(variable: VariableDeclaration): Omit<VariableDeclaration, "name"> {
  const { name: _name, ...rest } = variable;
  return rest;
}

/** Variables are identified by name; a renamed variable is a removal and an addition. */
export function diffVariables(before: readonly VariableDeclaration[], after: readonly VariableDeclaration[]): VariablesDiff {
  const diff: VariablesDiff = { added: [], removed: [], changed: [] };
  const beforeByName = indexBy(before, (variable) => variable.name);
  const afterByName = indexBy(after, (variable) => variable.name);
  const names = [...new Set([...beforeByName.keys(), ...afterByName.keys()])].sort(compareStrings);
  for (const name of names) {
    const old = beforeByName.get(name);
    const current = afterByName.get(name);
    if (old === undefined && current !== undefined) diff.added.push(current);
    else if (current === undefined && old !== undefined) diff.removed.push(old);
    else if (old !== undefined && current !== undefined) {
      const changes = diffValues(withoutName(old), withoutName(current));
      if (changes.length > 0) diff.changed.push({ name, changes });
    }
  }
  return diff;
}
