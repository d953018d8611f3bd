import type { ExpressionRef, NodeDefinition } from "@/flows-runtime/nodes/node-definition";

/** The node's expression and template fields by path ("prompt.0.text"), also for half-edited settings. */
export function expressionRefsOf(definition: NodeDefinition, config: Record<string, unknown>): Map<string, ExpressionRef> {
  const parsed = definition.schema.safeParse(config);
  let refs: ExpressionRef[] = [];
  try {
    refs = definition.expressions(parsed.success ? parsed.data : config);
  } catch {
    refs = [];
  }
  return new Map(refs.map((ref) => [ref.path.join("."), ref]));
}
