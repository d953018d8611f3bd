import type { GraphNode } from "../graph/schema";
import { compareStrings } from "./compare";
import { diffValues } from "./diff-values";
import { indexBy } from "./index-by";
import type { NodeRef, NodesDiff } from "./types";

function refOf(node: GraphNode): NodeRef {
  return node.label === undefined ? { id: node.id, type: node.type } : { id: node.id, type: node.type, label: node.label };
}

/** An empty label and no label look the same on the canvas. */
function sameLabel(a: string | undefined, b: string | undefined): boolean {
  return (a ?? "") === (b ?? "");
}

export function diffNodes(before: readonly GraphNode[], after: readonly GraphNode[]): NodesDiff {
  const diff: NodesDiff = { added: [], removed: [], changed: [], renamed: [], moved: [], unchanged: [] };
  const beforeById = indexBy(before, (node) => node.id);
  const afterById = indexBy(after, (node) => node.id);
  const ids = [...new Set([...beforeById.keys(), ...afterById.keys()])].sort(compareStrings);
  for (const id of ids) {
    const old = beforeById.get(id);
    const current = afterById.get(id);
    if (old === undefined && current !== undefined) diff.added.push(refOf(current));
    else if (current === undefined && old !== undefined) diff.removed.push(refOf(old));
    else if (old !== undefined && current !== undefined) {
      if (old.type !== current.type) {
        diff.removed.push(refOf(old));
        diff.added.push(refOf(current));
        continue;
      }
      const changes = diffValues(old.data, current.data);
      const renamed = !sameLabel(old.label, current.label);
      const moved = old.position.x !== current.position.x || old.position.y !== current.position.y;
      if (changes.length > 0) diff.changed.push({ ...refOf(current), changes });
      if (renamed) {
        const rename = { id, type: current.type };
        diff.renamed.push({
          ...rename,
          ...(old.label === undefined ? {} : { before: old.label }),
          ...(current.label === undefined ? {} : { after: current.label }),
        });
      }
      if (changes.length === 0 && !renamed) {
        if (moved) diff.moved.push({ id, type: current.type, before: old.position, after: current.position });
        else diff.unchanged.push(id);
      }
    }
  }
  return diff;
}
