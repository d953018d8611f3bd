/**
 * Public API of flows-runtime. Bundles with a narrow job import the specific module instead:
 * the Temporal workflow imports interpreter/run-plan and nodes/registry.workflow only (no
 * compiler), the designer's palette nodes/registry.definitions (no compiler, no executors).
 */

export {
  GRAPH_SCHEMA_VERSION,
  flowKindSchema,
  graphEdgeSchema,
  graphNodeSchema,
  graphSchema,
  variableDeclarationSchema,
  variableTypeSchema,
  type FlowKind,
  type Graph,
  type GraphEdge,
  type GraphInput,
  type GraphNode,
  type VariableDeclaration,
  type VariableType,
} from "./graph/schema";
export { graphMigrations, migrateGraph, type GraphMigration } from "./graph/migrations";
export { PLAN_FORMAT, planSchema, planStepSchema, type Plan, type PlanStep } from "./plan/schema";

export { validateGraph, validateGraphForEditor, type EditorValidation, type ValidateOptions, type ValidationResult } from "./compiler/validate";
export { compileGraph, type CompileOptions, type CompileResult } from "./compiler/compile";
export { canonicalJson } from "./compiler/canonical-json";
export { makeIssue, nodeIssue, type Issue, type IssueInit, type IssueSeverity } from "./compiler/issue";

export { formatIssue, nodeReference, type FormattableIssue } from "./i18n/format-issue";
export { enMessages, isIssueCode, type IssueCode } from "./i18n/en";
export { zhCNMessages } from "./i18n/zh-CN";
export { LOCALES, pick, type Locale } from "./i18n/locales";
export { fieldLabel } from "./i18n/field-label";

export type {
  ExecContext,
  ExpressionRef,
  FieldWidget,
  LintContext,
  LocalizedText,
  NodeCategory,
  NodeCompiler,
  NodeDefinition,
  NodeExecutor,
  NodeLintIssue,
  PortSpec,
  StepResult,
  Variables,
  WrittenVariable,
} from "./nodes/node-definition";
export { getNodeDefinition, nodeDefinitions } from "./nodes/registry.definitions";
export { getCompilableNode, nodeCompilers, type CompilableNode } from "./nodes/registry.compiler";
export { nodeExecutors } from "./nodes/registry.workflow";
export { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, type LanguageCode } from "./nodes/shared/languages";
export { CALL_FIELDS, type CallField } from "./nodes/shared/call-fields";
export { portLabel } from "./nodes/shared/port-label";

export { DEFAULT_MAX_STEPS, runPlan, type RunOptions, type RunResult } from "./interpreter/run-plan";
export { FlowVariables } from "./interpreter/variables";
export { createExecContext } from "./interpreter/exec-context";
export { CallHangupError } from "./interpreter/effects";
export type {
  CallEffects,
  CollectOptions,
  CollectResult,
  HttpRequest,
  HttpResponse,
  MediaItem,
  PlayOptions,
  PlayResult,
  RecordOptions,
  RecordResult,
  SubflowResult,
  TransferResult,
  TransferTarget,
} from "./interpreter/effects";
export type { CallOutcome, StepTrace } from "./interpreter/trace";

export { ScriptedEffects, type EffectName, type EffectsScript, type ScriptedHttp, type ScriptedInput } from "./testing/scripted-effects";
export { runScripted, testCallVariables, type ScriptedRun } from "./testing/run-scripted";
