import { z } from "zod";
import { exprAstSchema } from "../shared/ast-schemas";

export const setVariablesCompiledSchema = z.object({
  assignments: z.array(z.object({ name: z.string(), value: exprAstSchema })),
});
export type SetVariablesCompiled = z.infer<typeof setVariablesCompiledSchema>;
