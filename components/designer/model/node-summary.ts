import type { NodeDefinition } from "@/flows-runtime/nodes/node-definition";

const MAX = 90;

/** Per settings object (settings are immutable), like portsOf: a large flow's nodes are summarised once. */
const cache = new WeakMap<object, string>();

const clip = (text: string): string => (text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text);

/**
 * One line describing a node's settings on the canvas: the definition's own summary, else found
 * generically: its first prompt text, URL or expression (from definition.expressions), else its
 * first short text setting.
 */
export function nodeSummary(definition: NodeDefinition, config: Record<string, unknown>): string {
  const cached = cache.get(config);
  if (cached !== undefined) return cached;
  const summary = computeSummary(definition, config);
  cache.set(config, summary);
  return summary;
}

function computeSummary(definition: NodeDefinition, config: Record<string, unknown>): string {
  if (definition.summary !== undefined) return clip(definition.summary(config).trim());
  const parsed = definition.schema.safeParse(config);
  if (parsed.success) {
    try {
      const ref = definition.expressions(parsed.data).find((candidate) => candidate.source.trim() !== "");
      if (ref !== undefined) return clip(ref.source.trim());
    } catch {
      // A definition that cannot describe this config shows the fallback below.
    }
  }
  for (const value of Object.values(config)) {
    if (typeof value === "string" && value.trim() !== "") return clip(value.trim());
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      // A union's "kind" is an internal word (queue, number), not text the user typed.
      const inner = Object.entries(value)
        .filter(([key]) => key !== "kind")
        .map(([, item]) => item)
        .filter((item): item is string => typeof item === "string" && item.trim() !== "");
      if (inner.length > 0) return clip(inner.join(" · "));
    }
  }
  return "";
}
