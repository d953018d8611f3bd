import type { Graph } from "@/flows-runtime/graph/schema";
import { getNodeDefinition } from "@/flows-runtime/nodes/registry.definitions";
import { CALL_FIELDS } from "@/flows-runtime/nodes/shared/call-fields";

export interface ScopeVariable {
  /** Top-level name or dotted path ("call.caller", "customer.tier"). */
  name: string;
  source: "call" | "declared" | "written";
  type: string;
}

/** Every variable an expression in this flow may read: call.*, declared variables and variables nodes write. */
export function flowScope(graph: Pick<Graph, "variables" | "nodes">): ScopeVariable[] {
  const seen = new Map<string, ScopeVariable>();
  for (const field of CALL_FIELDS) seen.set(`call.${field}`, { name: `call.${field}`, source: "call", type: "string" });
  for (const variable of graph.variables) if (!seen.has(variable.name)) seen.set(variable.name, { name: variable.name, source: "declared", type: variable.type });
  for (const node of graph.nodes) {
    const definition = getNodeDefinition(node.type);
    const parsed = definition?.schema.safeParse(node.data);
    if (!definition || !parsed?.success) continue;
    for (const written of definition.writes(parsed.data)) {
      if (written.name !== "" && !seen.has(written.name)) seen.set(written.name, { name: written.name, source: "written", type: written.type });
    }
  }
  return [...seen.values()];
}

let provider: () => ScopeVariable[] = () => [];

/** Monaco's completion providers are global: the open designer tells them what is in scope. */
export function setScopeProvider(next: () => ScopeVariable[]): () => void {
  provider = next;
  return () => {
    if (provider === next) provider = () => [];
  };
}

export const currentScope = (): ScopeVariable[] => provider();
