import type { z } from "zod";
import type { FlowKind, VariableType } from "../graph/schema";
import type { PlanStep } from "../plan/schema";
import type { CallEffects } from "../interpreter/effects";
import type { CallOutcome } from "../interpreter/trace";

/** Text shown to people, in every UI language. */
export interface LocalizedText {
  en: string;
  zh: string;
}

export type NodeCategory = "entry" | "prompt" | "input" | "logic" | "integration" | "call-control";

export interface PortSpec {
  /** Stable id used in edges: "next", "option:1", "timeout", "invalid", "success", "error", "open", "closed", "condition:0", "else"… */
  id: string;
  label: LocalizedText;
  /** A required port left unconnected is a validation error (a menu without a timeout path). */
  required: boolean;
  /** Reached without caller input (timeout, invalid, error): used by the unbounded-loop check. */
  silent?: boolean;
}

/** An expression or template inside a node's settings, located by its field path. */
export interface ExpressionRef {
  path: (string | number)[];
  source: string;
  mode: "expression" | "template";
}

export interface WrittenVariable {
  name: string;
  type: VariableType;
}

/** Hints for the generated settings form; the zod schema stays the source of truth. */
export type FieldWidget = "text" | "textarea" | "expression" | "template" | "code" | "number" | "select" | "switch" | "keys" | "list";

/**
 * Browser-safe description of a node type. The palette, the settings forms, the validator and
 * the compiler all read these; nothing else lists node types.
 */
export interface NodeDefinition<Config = unknown> {
  type: string;
  kinds: readonly FlowKind[];
  category: NodeCategory;
  label: LocalizedText;
  description: LocalizedText;
  /** Icon name from the designer's icon set. */
  icon: string;
  /** Settings schema with defaults; its parse output is the node's Config. */
  schema: z.ZodType<Config>;
  /** A starting config for a node dropped from the palette. */
  defaults(): Config;
  ports(config: Config): PortSpec[];
  /** Only entry nodes may start a flow; exactly one per graph. */
  entry?: boolean;
  expressions(config: Config): ExpressionRef[];
  writes(config: Config): WrittenVariable[];
  formHints?: Record<string, { widget: FieldWidget; label?: LocalizedText; help?: LocalizedText }>;
}

/** Turns a validated node's config into the plan step's config (expressions parsed, values normalised). */
export type NodeCompiler<Config = unknown, Compiled = unknown> = (config: Config) => Compiled;

export interface Variables {
  /** Dotted path lookup ("customer.tier"); undefined when absent. */
  get(path: string): unknown;
  /** Sets a top-level variable or a dotted path inside an object variable. */
  set(path: string, value: unknown): void;
  snapshot(): Record<string, unknown>;
}

export interface ExecContext {
  effects: CallEffects;
  vars: Variables;
  /** Evaluates a compiled expression AST against the current variables. */
  evaluate(ast: unknown): unknown;
  /** Renders a compiled template AST against the current variables. */
  render(ast: unknown): string;
}

export type StepResult =
  /** Continue through this port (the plan maps it to the next step or to the end). */
  | { port: string; input?: string }
  /** The call ends here with this outcome (hangup node, successful transfer). */
  | { end: CallOutcome; input?: string };

export type NodeExecutor<Compiled = unknown> = (
  step: PlanStep & { config: Compiled },
  ctx: ExecContext,
) => Promise<StepResult>;
