/** Adjacency over node indexes 0..n-1. */
export type Adjacency = readonly (readonly number[])[];

/** Every node reachable from `starts` following `adjacency`. */
export function reachableFrom(adjacency: Adjacency, starts: readonly number[]): boolean[] {
  const seen = adjacency.map(() => false);
  const stack = [...starts];
  for (const start of starts) seen[start] = true;
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === undefined) break;
    for (const next of adjacency[current] ?? []) {
      if (!seen[next]) {
        seen[next] = true;
        stack.push(next);
      }
    }
  }
  return seen;
}

export function reverse(adjacency: Adjacency): number[][] {
  const reversed: number[][] = adjacency.map(() => []);
  adjacency.forEach((targets, source) => {
    for (const target of targets) reversed[target]?.push(source);
  });
  return reversed;
}

/**
 * Strongly connected components (Tarjan), iterative so a 5,000-node chain cannot overflow the
 * stack. Returns the component index of every node.
 */
export function stronglyConnectedComponents(adjacency: Adjacency): { component: number[]; count: number } {
  const n = adjacency.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const component = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  let nextIndex = 0;
  let count = 0;
  for (let root = 0; root < n; root += 1) {
    if (index[root] !== -1) continue;
    const work: { node: number; edge: number }[] = [{ node: root, edge: 0 }];
    index[root] = low[root] = nextIndex++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const targets = adjacency[frame.node] ?? [];
      if (frame.edge < targets.length) {
        const next = targets[frame.edge] ?? 0;
        frame.edge += 1;
        if (index[next] === -1) {
          index[next] = low[next] = nextIndex++;
          stack.push(next);
          onStack[next] = true;
          work.push({ node: next, edge: 0 });
        } else if (onStack[next]) {
          low[frame.node] = Math.min(low[frame.node] ?? 0, index[next] ?? 0);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low[parent.node] = Math.min(low[parent.node] ?? 0, low[frame.node] ?? 0);
      if (low[frame.node] === index[frame.node]) {
        let member: number | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack[member] = false;
          component[member] = count;
        } while (member !== frame.node);
        count += 1;
      }
    }
  }
  return { component, count };
}
