export const MAX_EXPRESSION_LENGTH = 2000;
export const MAX_TEMPLATE_LENGTH = 10000;
export const MAX_NESTING_DEPTH = 64;
export const MAX_REGEX_SOURCE_LENGTH = 200;
export const MAX_REGEX_INPUT_LENGTH = 1000;

/** Member names that reach JavaScript internals; refused even where a lookup would be harmless. */
export function isForbiddenPropertyName(name: string): boolean {
  return name === "constructor" || name === "prototype" || name.startsWith("__");
}
