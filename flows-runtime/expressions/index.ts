export type {
  BinaryExpr,
  BinaryOperator,
  CallExpr,
  ConditionalExpr,
  Expr,
  ExpressionError,
  IndexExpr,
  LiteralExpr,
  LiteralValue,
  LogicalExpr,
  LogicalOperator,
  MemberExpr,
  TemplateAst,
  TemplatePart,
  TypeIssue,
  UnaryExpr,
  UnaryOperator,
  ValueType,
  VariableExpr,
} from "./ast";
export { parseExpression } from "./parse-expression";
export { parseTemplate } from "./parse-template";
export { evaluateExpression } from "./evaluate";
export { renderTemplate, type RenderOptions } from "./render-template";
export { referencedVariables } from "./references";
export { secretNames } from "./secret-names";
export { typeCheck } from "./type-check";
export { formatExpression } from "./format";
export { ExpressionRuntimeError } from "./runtime-error";
export { isTruthy } from "./truthy";
export { FUNCTION_NAMES } from "./functions";
export {
  MAX_EXPRESSION_LENGTH,
  MAX_NESTING_DEPTH,
  MAX_REGEX_INPUT_LENGTH,
  MAX_REGEX_SOURCE_LENGTH,
  MAX_TEMPLATE_LENGTH,
} from "./limits";
