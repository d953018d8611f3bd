import type { GraphInput } from "../graph/schema";
import { validateGraph, type ValidateOptions } from "../compiler/validate";
import type { Issue } from "../compiler/issue";
import { createExecContext } from "../interpreter/exec-context";
import { FlowVariables } from "../interpreter/variables";
import type { StepResult } from "../nodes/node-definition";
import { draftPorts } from "../nodes/draft-ports";
import { getCompilableNode } from "../nodes/registry.compiler";
import { nodeExecutors } from "../nodes/registry.workflow";
import { ScriptedEffects, type EffectsScript } from "./scripted-effects";
import { ScriptedRouting } from "./scripted-routing";

/** Test support for one node type: compile its settings, run its executor, validate it inside a small graph. */

export function compileNode(type: string, data: Record<string, unknown>): { config: unknown; compiled: unknown; ports: string[] } {
  const compilable = getCompilableNode(type);
  if (compilable === undefined) throw new Error(`unknown node type ${type}`);
  const parsed = compilable.definition.schema.safeParse(data);
  if (!parsed.success) throw new Error(`invalid ${type} settings: ${parsed.error.message}`);
  return {
    config: parsed.data,
    compiled: JSON.parse(JSON.stringify(compilable.compile(parsed.data))),
    ports: compilable.definition.ports(parsed.data).map((port) => port.id),
  };
}

export interface ExecutedNode {
  result: StepResult;
  effects: ScriptedEffects;
  vars: FlowVariables;
}

/** `routing`: the queues a routing node sees; absent, the node runs as in an IVR (no queues). */

export async function executeNode(
  type: string,
  data: Record<string, unknown>,
  options: { script?: EffectsScript; vars?: Record<string, unknown>; routing?: ScriptedRouting } = {},
): Promise<ExecutedNode> {
  const { compiled, ports } = compileNode(type, data);
  const executor = nodeExecutors[type];
  if (executor === undefined) throw new Error(`no executor for ${type}`);
  const effects = new ScriptedEffects(options.script);
  const vars = new FlowVariables(options.vars ?? { call: { caller: "13800138000", dialed: "4008001234", id: "c1", language: "en-US", startedAt: "" } });
  const step = { id: "n", type, label: "Test node", config: compiled, next: Object.fromEntries(ports.map((port) => [port, null])) };
  const result = await executor(step, createExecContext(effects, vars, undefined, options.routing ?? null));
  return { result, effects, vars };
}

/**
 * Validates the node as "n" (label "Test node") in Start -> n -> Hang up (a routing start in a
 * routing graph), every port of n wired to the hang-up; returns the issues about n.
 */
export function nodeIssues(type: string, data: Record<string, unknown>, graph: Partial<GraphInput> = {}, options: ValidateOptions = {}): Issue[] {
  const compilable = getCompilableNode(type);
  // Also for settings that fail: their exits are required from the start, and wired here.
  const ports = compilable === undefined ? [] : draftPorts(compilable.definition, data).map((port) => port.id);
  const kind = graph.kind ?? "ivr";
  const input: GraphInput = {
    schemaVersion: 1,
    kind,
    variables: graph.variables ?? [],
    nodes: [
      { id: "start", type: kind === "routing" ? "routing-start" : "start", position: { x: 0, y: 0 }, data: {} },
      { id: "n", type, label: "Test node", position: { x: 0, y: 100 }, data },
      { id: "end", type: "hangup", position: { x: 0, y: 200 }, data: {} },
      ...(graph.nodes ?? []),
    ],
    edges: [
      { id: "e-start", source: "start", sourcePort: "next", target: "n" },
      ...ports.map((port) => ({ id: `e-${port}`, source: "n", sourcePort: port, target: "end" })),
      ...(graph.edges ?? []),
    ],
  };
  const result = validateGraph(input, options);
  return (result.ok ? result.warnings : result.issues).filter((issue) => issue.nodeId === "n");
}
