import {
  flowKindSchema,
  GRAPH_SCHEMA_VERSION,
  graphEdgeSchema,
  graphNodeSchema,
  variableDeclarationSchema,
  type FlowKind,
  type GraphEdge,
  type GraphNode,
  type VariableDeclaration,
} from "../../graph/schema";
import { migrateGraph } from "../../graph/migrations";
import { makeIssue, type Issue } from "../issue";
import { issuePath, type ZodIssue } from "./zod-issues";

const MAX_NODES = 5000;
const MAX_EDGES = 20000;
const MAX_VARIABLES = 500;

export interface ParsedStructure {
  kind: FlowKind | null;
  name: string | undefined;
  variables: VariableDeclaration[];
  /** Well-formed nodes with unique ids. */
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Ids of malformed or duplicate nodes: connections to them are not reported again. */
  brokenNodeIds: Set<string>;
  /** False when the node or edge list itself is missing or too large: graph-wide checks are skipped. */
  listsReadable: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const readableId = (value: unknown): string | null =>
  isRecord(value) && typeof value.id === "string" && value.id !== "" ? value.id.slice(0, 200) : null;

const graphScope = { scope: "graph" };

function shapeIssues(
  code: "node-invalid" | "edge-invalid" | "variable-invalid",
  collection: string,
  index: number,
  zodIssues: readonly ZodIssue[],
  ids: { nodeId?: string | null; edgeId?: string | null },
): Issue[] {
  return zodIssues.map((issue) => {
    const rawId = code === "node-invalid" ? ids.nodeId : code === "edge-invalid" ? ids.edgeId : null;
    // A present but unsafe id ("__proto__", "a b") gets its own message naming it.
    if (issue.path.length === 1 && issue.path[0] === "id" && typeof rawId === "string" && issue.code === "invalid_format") {
      return makeIssue({
        code: code === "node-invalid" ? "unsafe-node-id" : "unsafe-edge-id",
        ...ids,
        path: [collection, index, "id"],
        params: { ...graphScope, index: index + 1, id: rawId },
      });
    }
    return makeIssue({
      code,
      ...ids,
      path: [collection, index, ...issuePath(issue)],
      params: { ...graphScope, index: index + 1, detail: issue.message },
    });
  });
}

function readJson(input: unknown, issues: Issue[]): { ok: true; value: unknown } | { ok: false } {
  if (typeof input !== "string") return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input) };
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    issues.push(makeIssue({ code: "graph-not-json", params: { detail } }));
    return { ok: false };
  }
}

function readList(raw: Record<string, unknown>, field: string, max: number, what: string, issues: Issue[], optional: boolean): unknown[] | null {
  const value = raw[field];
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) {
    issues.push(makeIssue({ code: "graph-field-invalid", path: [field], params: { ...graphScope, detail: "expected a list" } }));
    return null;
  }
  if (value.length > max) {
    issues.push(makeIssue({ code: "graph-too-large", path: [field], params: { ...graphScope, count: value.length, what, max } }));
    return null;
  }
  return value;
}

/**
 * Path to an own "__proto__" key (JSON.parse creates them). Copied into a settings object it
 * would become that object's prototype: settings hidden from the designer, yet read by the schema.
 */
function protoKeyPath(value: unknown, depth = 0): (string | number)[] | null {
  if (typeof value !== "object" || value === null || depth > 32) return null;
  if (Object.hasOwn(value, "__proto__")) return ["__proto__"];
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const inner = protoKeyPath(value[index], depth + 1);
      if (inner !== null) return [index, ...inner];
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const inner = protoKeyPath(Reflect.get(value, key), depth + 1);
    if (inner !== null) return [key, ...inner];
  }
  return null;
}

function parseNodes(rawNodes: readonly unknown[], issues: Issue[]): { nodes: GraphNode[]; broken: Set<string> } {
  const nodes: GraphNode[] = [];
  const broken = new Set<string>();
  const seen = new Set<string>();
  rawNodes.forEach((raw, index) => {
    const protoPath = protoKeyPath(raw);
    if (protoPath !== null) {
      const id = readableId(raw);
      if (id !== null) broken.add(id);
      issues.push(makeIssue({ code: "node-invalid", nodeId: id, path: ["nodes", index, ...protoPath], params: { ...graphScope, index: index + 1, detail: '"__proto__" is not allowed as a key' } }));
      return;
    }
    const parsed = graphNodeSchema.safeParse(raw);
    if (!parsed.success) {
      const id = readableId(raw);
      if (id !== null) broken.add(id);
      issues.push(...shapeIssues("node-invalid", "nodes", index, parsed.error.issues, { nodeId: id }));
      return;
    }
    if (seen.has(parsed.data.id)) {
      issues.push(makeIssue({ code: "duplicate-node-id", nodeId: parsed.data.id, path: ["nodes", index, "id"], params: { ...graphScope, id: parsed.data.id } }));
      broken.add(parsed.data.id);
      return;
    }
    seen.add(parsed.data.id);
    nodes.push(parsed.data);
  });
  return { nodes: nodes.filter((node) => !broken.has(node.id)), broken };
}

function parseEdges(rawEdges: readonly unknown[], issues: Issue[]): GraphEdge[] {
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  rawEdges.forEach((raw, index) => {
    const parsed = graphEdgeSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...shapeIssues("edge-invalid", "edges", index, parsed.error.issues, { edgeId: readableId(raw) }));
      return;
    }
    if (seen.has(parsed.data.id)) {
      issues.push(makeIssue({ code: "duplicate-edge-id", edgeId: parsed.data.id, path: ["edges", index, "id"], params: { ...graphScope, id: parsed.data.id } }));
      return;
    }
    seen.add(parsed.data.id);
    edges.push(parsed.data);
  });
  return edges;
}

function parseVariables(rawVariables: readonly unknown[], issues: Issue[]): VariableDeclaration[] {
  const variables: VariableDeclaration[] = [];
  rawVariables.forEach((raw, index) => {
    const parsed = variableDeclarationSchema.safeParse(raw);
    if (parsed.success) variables.push(parsed.data);
    else issues.push(...shapeIssues("variable-invalid", "variables", index, parsed.error.issues, {}));
  });
  return variables;
}

/**
 * Reads the graph's envelope, then every node, edge and variable on its own, so one malformed
 * node is reported without hiding the problems of the others. Null when nothing can be read.
 */
export function parseStructure(input: unknown, issues: Issue[]): ParsedStructure | null {
  const json = readJson(input, issues);
  if (!json.ok) return null;
  const raw = migrateGraph(json.value);
  if (!isRecord(raw)) {
    issues.push(makeIssue({ code: "graph-not-object" }));
    return null;
  }
  const version = raw.schemaVersion;
  if (typeof version === "number" && version > GRAPH_SCHEMA_VERSION) {
    issues.push(makeIssue({ code: "graph-version-newer", path: ["schemaVersion"], params: { ...graphScope, version, supported: GRAPH_SCHEMA_VERSION } }));
    return null;
  }
  if (version !== GRAPH_SCHEMA_VERSION) {
    issues.push(makeIssue({ code: "graph-version-invalid", path: ["schemaVersion"], params: { ...graphScope, supported: GRAPH_SCHEMA_VERSION } }));
  }
  const kind = flowKindSchema.safeParse(raw.kind);
  if (!kind.success) {
    issues.push(makeIssue({ code: "graph-field-invalid", path: ["kind"], params: { ...graphScope, detail: kind.error.issues[0]?.message ?? "invalid" } }));
  }
  let name: string | undefined;
  if (typeof raw.name === "string" && raw.name.length <= 200) name = raw.name;
  else if (raw.name !== undefined) {
    issues.push(makeIssue({ code: "graph-field-invalid", path: ["name"], params: { ...graphScope, detail: "expected text of at most 200 characters" } }));
  }
  const rawNodes = readList(raw, "nodes", MAX_NODES, "nodes", issues, false);
  const rawEdges = readList(raw, "edges", MAX_EDGES, "edges", issues, false);
  const rawVariables = readList(raw, "variables", MAX_VARIABLES, "variables", issues, true);
  const { nodes, broken } = parseNodes(rawNodes ?? [], issues);
  return {
    kind: kind.success ? kind.data : null,
    name,
    variables: parseVariables(rawVariables ?? [], issues),
    nodes,
    edges: parseEdges(rawEdges ?? [], issues),
    brokenNodeIds: broken,
    listsReadable: rawNodes !== null && rawEdges !== null,
  };
}
