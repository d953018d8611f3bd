import type { NodeDefinition, PortSpec } from "./node-definition";

/** The exits of settings that did not pass the schema: read from them over the defaults. */
export function portsOfFailedSettings(definition: NodeDefinition, config: unknown): PortSpec[] {
  try {
    const defaults: unknown = definition.defaults();
    const merged = typeof defaults === "object" && defaults !== null && typeof config === "object" && config !== null ? { ...defaults, ...config } : config;
    return definition.ports(merged);
  } catch {
    return definition.ports(definition.defaults());
  }
}

/**
 * A node's exits for its settings as they are, also while they are half filled in (a new menu whose
 * prompt is still empty): the designer draws these, and the validator asks for each required one to
 * be connected from the moment the node exists, not only once its settings pass.
 */
export function draftPorts(definition: NodeDefinition, config: unknown): PortSpec[] {
  const parsed = definition.schema.safeParse(config);
  return parsed.success ? definition.ports(parsed.data) : portsOfFailedSettings(definition, config);
}
