import { z } from "zod";

/** Current graph schema version; older graphs are upgraded by ./migrations before validation. */
export const GRAPH_SCHEMA_VERSION = 1;

export const flowKindSchema = z.enum(["ivr", "routing", "ticket", "campaign", "script"]);
export type FlowKind = z.infer<typeof flowKindSchema>;

export const variableTypeSchema = z.enum(["string", "number", "boolean", "object", "any"]);
export type VariableType = z.infer<typeof variableTypeSchema>;

const identifier = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "must start with a letter or _ and contain only letters, digits and _");

export const variableDeclarationSchema = z.object({
  name: identifier,
  type: variableTypeSchema.default("any"),
  initial: z.unknown().optional(),
  description: z.string().max(500).optional(),
});
export type VariableDeclaration = z.infer<typeof variableDeclarationSchema>;

export const graphNodeSchema = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(64),
  /** Free label shown on the canvas and in traces ("Main menu"). */
  label: z.string().max(200).optional(),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  /** Node settings; validated against the node type's own schema by the validator. */
  data: z.record(z.string(), z.unknown()).default({}),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: z.string().min(1).max(200),
  source: z.string().min(1),
  /** Output port of the source node, e.g. "next", "option:1", "timeout". */
  sourcePort: z.string().min(1).max(100),
  target: z.string().min(1),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphSchema = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  kind: flowKindSchema,
  name: z.string().max(200).optional(),
  variables: z.array(variableDeclarationSchema).max(500).default([]),
  nodes: z.array(graphNodeSchema).max(5000),
  edges: z.array(graphEdgeSchema).max(20000),
});
export type Graph = z.infer<typeof graphSchema>;
export type GraphInput = z.input<typeof graphSchema>;
