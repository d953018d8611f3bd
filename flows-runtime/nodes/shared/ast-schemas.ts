import { z } from "zod";
import type { Expr, TemplateAst } from "../../expressions";

/*
 * Plans are stored as JSON and read back by workers; executors check the compiled config's shape.
 * ASTs are only checked at their top level: the evaluator itself refuses malformed nodes.
 */
export const exprAstSchema = z.custom<Expr>(
  (value) => typeof value === "object" && value !== null && "kind" in value && typeof value.kind === "string",
);

export const templateAstSchema = z.custom<TemplateAst>(
  (value) => typeof value === "object" && value !== null && "parts" in value && Array.isArray(value.parts),
);
