import type { GraphNode, VariableDeclaration } from "../graph/schema";

/**
 * One step of a settings path. A string is an object key, a number an array index (lists without
 * an identity field), `{ by, value }` the list item whose `by` field equals `value` (menu options
 * by `key`), so that inserting or reordering items does not show up as changes to every item.
 */
export type PathSegment = string | number | { by: string; value: string | number };

export type FieldChange =
  | { kind: "added"; path: PathSegment[]; jsonPath: string; after: unknown }
  | { kind: "removed"; path: PathSegment[]; jsonPath: string; before: unknown }
  | { kind: "changed"; path: PathSegment[]; jsonPath: string; before: unknown; after: unknown }
  /** Items of a keyed list kept their identities but not their order; values are the identities in order. */
  | { kind: "reordered"; path: PathSegment[]; jsonPath: string; before: (string | number)[]; after: (string | number)[] };

export interface NodeRef {
  id: string;
  type: string;
  label?: string;
}

export interface NodeSettingsChange extends NodeRef {
  changes: FieldChange[];
}

export interface NodeRename {
  id: string;
  type: string;
  before?: string;
  after?: string;
}

export interface NodeMove {
  id: string;
  type: string;
  before: GraphNode["position"];
  after: GraphNode["position"];
}

/**
 * Nodes are matched by id. A node whose type changed under the same id is listed in both
 * `removed` (old type) and `added` (new type): settings, ports and outgoing edges of different
 * types cannot be compared field by field, and the runtime treats it as a new node.
 */
export interface NodesDiff {
  added: NodeRef[];
  removed: NodeRef[];
  /** Settings (`data`) differ. */
  changed: NodeSettingsChange[];
  /** Label differs; a node can also be in `changed`. */
  renamed: NodeRename[];
  /** Only the position differs. */
  moved: NodeMove[];
  /** Ids present on both sides with the same type, label, settings and position. */
  unchanged: string[];
}

export interface EdgeRef {
  id: string;
  source: string;
  sourcePort: string;
  target: string;
}

export interface EdgeRetarget {
  source: string;
  sourcePort: string;
  before: { id: string; target: string };
  after: { id: string; target: string };
}

export interface EdgeKept {
  source: string;
  sourcePort: string;
  target: string;
  beforeId: string;
  afterId: string;
}

/** Edges are matched by (source, sourcePort): the designer may regenerate edge ids on save. */
export interface EdgesDiff {
  added: EdgeRef[];
  removed: EdgeRef[];
  retargeted: EdgeRetarget[];
  unchanged: EdgeKept[];
}

export interface VariableChange {
  name: string;
  changes: FieldChange[];
}

export interface VariablesDiff {
  added: VariableDeclaration[];
  removed: VariableDeclaration[];
  changed: VariableChange[];
}

export interface GraphDiff {
  nodes: NodesDiff;
  edges: EdgesDiff;
  variables: VariablesDiff;
}

export type DiffLocale = "en" | "zh-CN";
