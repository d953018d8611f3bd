import { z } from "zod";

export const widenCompiledSchema = z.object({ minProficiency: z.number().nullable(), queue: z.string().nullable(), waitSeconds: z.number() });
export type WidenCompiled = z.infer<typeof widenCompiledSchema>;
