import { z } from "zod";
import { exprAstSchema } from "../shared/ast-schemas";

export const branchCompiledSchema = z.object({ conditions: z.array(exprAstSchema) });
export type BranchCompiled = z.infer<typeof branchCompiledSchema>;
