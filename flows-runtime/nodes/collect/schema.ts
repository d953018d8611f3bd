import { z } from "zod";
import { identifierSchema } from "../shared/identifier";
import { mediaListSchema } from "../shared/media";
import { checkPattern, MAX_PATTERN_LENGTH } from "../shared/pattern";

const patternSchema = z
  .string()
  .min(1, { abort: true })
  .max(MAX_PATTERN_LENGTH, { abort: true })
  .superRefine((value, ctx) => {
    const check = checkPattern(value);
    if (!check.ok) ctx.addIssue({ code: "custom", input: value, params: { code: check.code, detail: check.detail } });
  });

export const collectSchema = z
  .object({
    prompt: mediaListSchema.default([]),
    minLength: z.number().int().min(1).max(64).default(1),
    maxLength: z.number().int().min(1).max(64).default(20),
    /** Key that ends the input early; not part of the value. */
    terminator: z.enum(["#", "*"]).nullable().default("#"),
    firstDigitTimeoutSeconds: z.number().int().min(1).max(60).default(5),
    interDigitTimeoutSeconds: z.number().int().min(1).max(60).default(3),
    totalTimeoutSeconds: z.number().int().min(1).max(600).nullable().default(30),
    /** Regular expression the whole input must match, e.g. \d{16}. */
    pattern: patternSchema.optional(),
    variable: identifierSchema,
    maxRetries: z.number().int().min(0).max(10).default(2),
    invalidPrompt: mediaListSchema.default([]),
  })
  .refine((config) => config.minLength <= config.maxLength, {
    path: ["maxLength"],
    params: { code: "length-order" },
    // Checked as soon as both lengths are valid numbers, even when other settings are wrong.
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "minLength" || issue.path?.[0] === "maxLength"),
  });
export type CollectConfig = z.infer<typeof collectSchema>;
