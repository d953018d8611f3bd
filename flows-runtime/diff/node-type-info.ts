import type { PortSpec } from "../nodes/node-definition";
import { getNodeDefinition } from "../nodes/registry.definitions";
import { portLabel } from "../nodes/shared/port-label";
import { pickText } from "./messages/messages-for";
import type { DiffLocale } from "./types";

export interface NodeTypeInfo {
  /** "Menu"; an unknown type (a newer version, a removed plugin) shows its raw type. */
  label: string;
  /** Settings label from the form hints, by dotted key path without list indices ("prompt.text"). */
  fieldLabel(dottedPath: string): string | undefined;
  /** Label of an exit, and whether it is the node's only exit (then summaries leave it out). */
  port(data: Record<string, unknown>, portId: string): { label: string; only: boolean };
}

/** The registry's view of a node type, in one locale. */
export function nodeTypeInfo(type: string, locale: DiffLocale): NodeTypeInfo {
  const definition = getNodeDefinition(type);
  // A node with many changed exits asks once per exit; parsing its settings once is enough.
  const known = new WeakMap<Record<string, unknown>, PortSpec[] | undefined>();
  const portsOf = (data: Record<string, unknown>): PortSpec[] | undefined => {
    if (definition === undefined) return undefined;
    if (known.has(data)) return known.get(data);
    // Ports depend on the settings (menu options); a draft that fails its schema has no known ports.
    const parsed = definition.schema.safeParse(data);
    const ports = parsed.success ? definition.ports(parsed.data) : undefined;
    known.set(data, ports);
    return ports;
  };
  return {
    label: definition === undefined ? type : pickText(definition.label, locale),
    fieldLabel: (dottedPath) => {
      const hint = definition?.formHints?.[dottedPath];
      return hint?.label === undefined ? undefined : pickText(hint.label, locale);
    },
    port: (data, portId) => {
      const ports = portsOf(data);
      const spec = ports?.find((candidate) => candidate.id === portId);
      return {
        label: pickText(spec?.label ?? portLabel(portId), locale),
        only: ports !== undefined && ports.length === 1 && spec !== undefined,
      };
    },
  };
}
