import type { NodeDefinition, PortSpec } from "@/flows-runtime/nodes/node-definition";

const cache = new WeakMap<object, PortSpec[]>();

function computePorts(definition: NodeDefinition, config: Record<string, unknown>): PortSpec[] {
  const parsed = definition.schema.safeParse(config);
  if (parsed.success) return definition.ports(parsed.data);
  // Half-edited settings still show their ports (a menu whose new key is not chosen yet).
  try {
    const defaults = definition.defaults();
    const merged = typeof defaults === "object" && defaults !== null ? { ...defaults, ...config } : config;
    return definition.ports(merged);
  } catch {
    return definition.ports(definition.defaults());
  }
}

/** A node's output ports for its current settings; cached per settings object (settings are immutable). */
export function portsOf(definition: NodeDefinition, config: Record<string, unknown>): PortSpec[] {
  const cached = cache.get(config);
  if (cached !== undefined) return cached;
  const ports = computePorts(definition, config);
  cache.set(config, ports);
  return ports;
}
