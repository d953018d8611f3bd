import { z } from "zod";
import type { ExpressionRef } from "../node-definition";
import { languageTagSchema } from "./languages";
import { expressionSourceSchema, requiredTemplateSchema } from "./sources";

const soundNameSchema = z
  .string()
  .min(1, { abort: true })
  .max(200, { abort: true })
  .refine((value) => /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/.test(value), { params: { code: "bad-sound-name" } });

export const ttsItemSchema = z.object({
  kind: z.literal("tts"),
  text: requiredTemplateSchema,
  /** Omitted: the call's current language (call.language). */
  language: languageTagSchema.optional(),
  voice: z.string().min(1).max(100).optional(),
});

export const mediaItemSchema = z.discriminatedUnion("kind", [
  ttsItemSchema,
  z.object({ kind: z.literal("sound"), name: soundNameSchema }),
  /** Read out digit by digit ("1 2 3 4"): card numbers, order numbers. */
  z.object({ kind: z.literal("digits"), value: requiredTemplateSchema }),
  /** Read out as a number ("one hundred twenty-three"). */
  z.object({ kind: z.literal("number"), value: expressionSourceSchema }),
]);
export type MediaItemConfig = z.infer<typeof mediaItemSchema>;

export const mediaListSchema = z.array(mediaItemSchema).max(20);
export type MediaListConfig = z.infer<typeof mediaListSchema>;

/** The templates and expressions inside a media list, located under `base` (["prompt"]). */
export function mediaExpressions(list: MediaListConfig, base: (string | number)[]): ExpressionRef[] {
  const refs: ExpressionRef[] = [];
  list.forEach((item, index) => {
    if (item.kind === "tts") refs.push({ path: [...base, index, "text"], source: item.text, mode: "template" });
    if (item.kind === "digits") refs.push({ path: [...base, index, "value"], source: item.value, mode: "template" });
    if (item.kind === "number") {
      refs.push({ path: [...base, index, "value"], source: item.value, mode: "expression", expects: "number" });
    }
  });
  return refs;
}
