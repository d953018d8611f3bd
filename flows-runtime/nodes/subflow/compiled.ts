import { z } from "zod";
import { exprAstSchema } from "../shared/ast-schemas";

export const subflowCompiledSchema = z.object({
  flowId: z.string(),
  inputs: z.array(z.object({ name: z.string(), value: exprAstSchema })),
  outputs: z.array(z.object({ from: z.string(), to: z.string() })),
});
export type SubflowCompiled = z.infer<typeof subflowCompiledSchema>;
