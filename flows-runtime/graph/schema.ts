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

/*
 * Ids become keys (plan steps, ports, issue groups): they must start with a letter or digit, so
 * "__proto__", "constructor"-like tricks with leading underscores and odd characters never get in.
 */
const SAFE_NODE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const SAFE_EDGE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:>-]*$/;

export const nodeIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(SAFE_NODE_ID, "must start with a letter or digit and contain only letters, digits, _ and -");

export const graphNodeSchema = z.object({
  id: nodeIdSchema,
  type: z.string().min(1).max(64),
  /** Free label shown on the canvas and in traces ("Main menu"). */
  label: z.string().max(200).optional(),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  /** Node settings; validated against the node type's own schema by the validator. */
  data: z.record(z.string(), z.unknown()).default({}),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .regex(SAFE_EDGE_ID, "must start with a letter or digit and contain only letters, digits, _, -, ., : and >"),
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
