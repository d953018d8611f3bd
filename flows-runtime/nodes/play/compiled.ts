import { z } from "zod";
import { compiledMediaListSchema } from "../shared/media-compiled";

export const playCompiledSchema = z.object({ media: compiledMediaListSchema, bargeIn: z.boolean() });
export type PlayCompiled = z.infer<typeof playCompiledSchema>;
