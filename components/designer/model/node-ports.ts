import { draftPorts } from "@/flows-runtime/nodes/draft-ports";
import type { NodeDefinition, PortSpec } from "@/flows-runtime/nodes/node-definition";

const cache = new WeakMap<object, PortSpec[]>();

/** A node's output ports for its current settings; cached per settings object (settings are immutable). */
export function portsOf(definition: NodeDefinition, config: Record<string, unknown>): PortSpec[] {
  const cached = cache.get(config);
  if (cached !== undefined) return cached;
  const ports = draftPorts(definition, config);
  cache.set(config, ports);
  return ports;
}
