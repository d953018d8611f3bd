import type { HttpPolicy } from "./http-request/http-policy";
import type { z } from "zod";
import type { FlowKind, VariableType } from "../graph/schema";
import type { PlanStep } from "../plan/schema";
import type { CallEffects } from "../interpreter/effects";
import type { RoutingEffects } from "../interpreter/routing-effects";
import type { CallOutcome } from "../interpreter/trace";
import type { ValueType } from "../expressions";

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
  /**
   * Reached without caller input (timeout, invalid, error): used by the unbounded-loop check, which
   * counts only the non-silent exits of "input" nodes (menu options, collected digits) as caller-driven.
   */
  silent?: boolean;
}

/** An expression or template inside a node's settings, located by its field path. */
export interface ExpressionRef {
  path: (string | number)[];
  source: string;
  mode: "expression" | "template";
  /** Templates only: {{secret.NAME}} is allowed here (HTTP url, headers, body); everywhere else it is an error. */
  allowSecrets?: boolean;
  /** Type the value must have (a number read out as a number); checked with typeCheck. */
  expects?: ValueType;
  /** The value is stored in this variable (set-variables): checked against the variable's declared type. */
  assignsTo?: string;
}

export interface WrittenVariable {
  /** Top-level name, or a dotted path into an object variable ("customer.tier", "call.language"). */
  name: string;
  type: VariableType;
  /** Field path of the setting that names the variable, to point issues at it. */
  path?: (string | number)[];
}

/** A node-specific finding that a schema cannot express (cross-field or environment-dependent). */
export interface NodeLintIssue {
  severity: "error" | "warning";
  /** An issue code from the i18n catalogs. */
  code: string;
  path: (string | number)[];
  params: Record<string, string | number>;
}

export interface LintContext {
  /** Published flow ids a subflow may call; null when unknown (no check). */
  knownFlowIds: readonly string[] | null;
  /** The HTTP allow-list and secret bindings; null when unknown (no check). */
  httpPolicy: HttpPolicy | null;
  /** Names of the queues a transfer may target; null when unknown (no check). */
  knownQueues: readonly string[] | null;
}

/** Hints for the generated settings form; the zod schema stays the source of truth. */
export type FieldWidget =
  | "text"
  | "textarea"
  | "expression"
  | "template"
  | "code"
  | "number"
  | "select"
  | "switch"
  | "keys"
  | "list"
  /** A text-to-speech prompt: a plain text area (typed with an input method), {{variables}} allowed. */
  | "prompt-text"
  /** Weekly opening hours ({ day, open, close } ranges) as one grid of the week. */
  | "weekly-hours"
  /** An IANA time zone, picked from a searchable list. */
  | "time-zone";

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
  /** The node itself may end the call (hangup, a successful transfer): a path reaching it reaches an end. */
  endsCall?: boolean;
  /** Chooses its exit from variables (branch): a loop containing it can be left by a counter test. */
  canExitLoop?: boolean;
  expressions(config: Config): ExpressionRef[];
  writes(config: Config): WrittenVariable[];
  /**
   * The canvas's one line for the node, where the generic one (its first expression or text) would
   * mislead. Gets the settings as stored, valid or not (a node just dropped has no queue yet).
   */
  summary?(config: Readonly<Record<string, unknown>>): string;
  /** Checks beyond the schema; runs only on a config that passed the schema. */
  lint?(config: Config, context: LintContext): NodeLintIssue[];
  /** `optionLabels`: the names of an enum's values in the form (else the values as they are). */
  formHints?: Record<string, { widget: FieldWidget; label?: LocalizedText; help?: LocalizedText; optionLabels?: Record<string, LocalizedText> }>;
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
  /** The queues, in a routing flow; null in any other flow. */
  routing: RoutingEffects | null;
  vars: Variables;
  /** Evaluates a compiled expression AST against the current variables. */
  evaluate(ast: unknown): unknown;
  /** Renders a compiled template AST against the current variables. */
  render(ast: unknown): string;
  /** The time the flow's logic reads (business hours): the call's clock, or the time a test call pretends. */
  now(): Date;
}

/**
 * `error` is a failure the node handled itself (HTTP 500 -> "error" port, refused transfer -> "failed"
 * port): the flow goes on and the step trace keeps the reason.
 */
export type StepResult =
  /** Continue through this port (the plan maps it to the next step or to the end). */
  | { port: string; input?: string; error?: string }
  /** The call ends here with this outcome (hangup node, successful transfer). */
  | { end: CallOutcome; input?: string; error?: string };

export type NodeExecutor<Compiled = unknown> = (
  step: PlanStep & { config: Compiled },
  ctx: ExecContext,
) => Promise<StepResult>;
