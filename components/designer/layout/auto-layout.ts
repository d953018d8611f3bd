export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

export interface LayoutLink {
  source: string;
  target: string;
  /** The exit's position among its node's ports (menu key 1 before key 2 before timeout). */
  order: number;
}

const RANK_GAP = 110;
const SIBLING_GAP = 36;
const ROOT_GAP = 60;
const MARGIN = 20;

interface Tree {
  rank: Map<string, number>;
  children: Map<string, string[]>;
  roots: string[];
}

/** Links in port order per node; links between unknown nodes are left out. */
function outgoing(ids: ReadonlySet<string>, links: readonly LayoutLink[]): Map<string, string[]> {
  const bySource = new Map<string, LayoutLink[]>();
  for (const link of links) {
    if (!ids.has(link.source) || !ids.has(link.target) || link.source === link.target) continue;
    bySource.set(link.source, [...(bySource.get(link.source) ?? []), link]);
  }
  const out = new Map<string, string[]>();
  for (const [source, list] of bySource) out.set(source, [...list].sort((a, b) => a.order - b.order).map((link) => link.target));
  return out;
}

/**
 * Ranks by longest path over the links that do not close a loop, and a spanning tree in which each
 * node hangs under the first node that reaches it (breadth first, exits in port order).
 */
function buildTree(boxes: readonly LayoutBox[], out: Map<string, string[]>, entryIds: ReadonlySet<string>): Tree {
  const hasIncoming = new Set([...out.values()].flat());
  const starts = [...boxes.filter((box) => entryIds.has(box.id)), ...boxes.filter((box) => !entryIds.has(box.id) && !hasIncoming.has(box.id)), ...boxes].map((box) => box.id);

  // Depth-first, iteratively (2,000-node flows): links back to a node still on the path close a loop.
  const state = new Map<string, "open" | "done">();
  const forward = new Map<string, string[]>();
  for (const start of starts) {
    if (state.has(start)) continue;
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      const targets = out.get(top.id) ?? [];
      if (top.next >= targets.length) {
        state.set(top.id, "done");
        stack.pop();
        continue;
      }
      const target = targets[top.next] ?? "";
      top.next += 1;
      if (state.get(target) === "open") continue;
      forward.set(top.id, [...(forward.get(top.id) ?? []), target]);
      if (!state.has(target)) {
        state.set(target, "open");
        stack.push({ id: target, next: 0 });
      }
    }
  }

  const indegree = new Map<string, number>(boxes.map((box) => [box.id, 0]));
  for (const targets of forward.values()) for (const target of targets) indegree.set(target, (indegree.get(target) ?? 0) + 1);
  const rank = new Map<string, number>(boxes.map((box) => [box.id, 0]));
  const queue = [...new Set(starts)].filter((id) => indegree.get(id) === 0);
  for (let index = 0; index < queue.length; index += 1) {
    const id = queue[index] ?? "";
    for (const target of forward.get(id) ?? []) {
      rank.set(target, Math.max(rank.get(target) ?? 0, (rank.get(id) ?? 0) + 1));
      const left = (indegree.get(target) ?? 0) - 1;
      indegree.set(target, left);
      if (left === 0) queue.push(target);
    }
  }

  const children = new Map<string, string[]>();
  const placed = new Set<string>();
  const roots: string[] = [];
  for (const start of starts) {
    if (placed.has(start)) continue;
    placed.add(start);
    roots.push(start);
    const frontier = [start];
    for (let index = 0; index < frontier.length; index += 1) {
      const id = frontier[index] ?? "";
      for (const target of forward.get(id) ?? []) {
        if (placed.has(target)) continue;
        placed.add(target);
        children.set(id, [...(children.get(id) ?? []), target]);
        frontier.push(target);
      }
    }
  }
  return { rank, children, roots };
}

/**
 * Left-to-right layered layout for flows: columns by distance from the start, and each node's
 * exits stacked top to bottom in port order (a menu's keys 1, 2, 3, then timeout and invalid), each
 * subtree in its own horizontal band so no two nodes overlap. Returns each node's top-left corner.
 */
export function autoLayout(boxes: readonly LayoutBox[], links: readonly LayoutLink[], entryIds: ReadonlySet<string> = new Set()): Map<string, { x: number; y: number }> {
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const out = outgoing(new Set(byId.keys()), links);
  const { rank, children, roots } = buildTree(boxes, out, entryIds);

  const columnWidth = new Map<number, number>();
  for (const box of boxes) {
    const column = rank.get(box.id) ?? 0;
    columnWidth.set(column, Math.max(columnWidth.get(column) ?? 0, box.width));
  }
  const columnX = new Map<number, number>();
  let x = MARGIN;
  for (let column = 0; column <= Math.max(0, ...columnWidth.keys()); column += 1) {
    columnX.set(column, x);
    x += (columnWidth.get(column) ?? 0) + RANK_GAP;
  }

  // Band heights bottom-up (post-order without recursion), then positions top-down.
  const band = new Map<string, number>();
  const order: string[] = [];
  for (const root of roots) {
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop() ?? "";
      order.push(id);
      for (const child of children.get(id) ?? []) stack.push(child);
    }
  }
  for (const id of [...order].reverse()) {
    const kids = children.get(id) ?? [];
    const kidsHeight = kids.reduce((sum, kid) => sum + (band.get(kid) ?? 0), 0) + Math.max(0, kids.length - 1) * SIBLING_GAP;
    band.set(id, Math.max(byId.get(id)?.height ?? 0, kidsHeight));
  }

  const positions = new Map<string, { x: number; y: number }>();
  const place = (id: string, top: number) => {
    const box = byId.get(id);
    const height = box?.height ?? 0;
    const own = band.get(id) ?? height;
    positions.set(id, { x: Math.round(columnX.get(rank.get(id) ?? 0) ?? MARGIN), y: Math.round(top + (own - height) / 2) });
    const kids = children.get(id) ?? [];
    const kidsHeight = kids.reduce((sum, kid) => sum + (band.get(kid) ?? 0), 0) + Math.max(0, kids.length - 1) * SIBLING_GAP;
    let y = top + (own - kidsHeight) / 2;
    for (const kid of kids) {
      place(kid, y);
      y += (band.get(kid) ?? 0) + SIBLING_GAP;
    }
  };
  let top = MARGIN;
  for (const root of roots) {
    place(root, top);
    top += (band.get(root) ?? 0) + ROOT_GAP;
  }
  return positions;
}
