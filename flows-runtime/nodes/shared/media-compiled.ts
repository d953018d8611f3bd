import { z } from "zod";
import { exprAstSchema, templateAstSchema } from "./ast-schemas";

export const compiledMediaItemSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("tts"), text: templateAstSchema, language: z.string().nullable(), voice: z.string().nullable() }),
  z.object({ kind: z.literal("sound"), name: z.string() }),
  z.object({ kind: z.literal("digits"), value: templateAstSchema }),
  z.object({ kind: z.literal("number"), value: exprAstSchema }),
]);
export const compiledMediaListSchema = z.array(compiledMediaItemSchema);
export type CompiledMediaList = z.infer<typeof compiledMediaListSchema>;
