import { z } from "zod";
import { dtmfKeySchema } from "../shared/dtmf";
import { identifierSchema } from "../shared/identifier";
import { mediaListSchema } from "../shared/media";
import { uniqueBy } from "../shared/unique";

export const menuOptionSchema = z.object({
  key: dtmfKeySchema,
  /** What the option means ("Order status"): shown on the canvas and in traces, not played. */
  label: z.string().max(100).default(""),
});
type MenuOption = z.infer<typeof menuOptionSchema>;

export const menuSchema = z.object({
  prompt: mediaListSchema.min(1),
  options: z
    .array(menuOptionSchema)
    .min(1)
    .max(12)
    .superRefine(...uniqueBy<MenuOption>("key", "duplicate-key", "key")),
  timeoutSeconds: z.number().int().min(1).max(60).default(5),
  /** Extra attempts after the first one. */
  maxRetries: z.number().int().min(0).max(10).default(2),
  timeoutPrompt: mediaListSchema.default([]),
  invalidPrompt: mediaListSchema.default([]),
  bargeIn: z.boolean().default(true),
  /** Variable that receives the chosen key. */
  storeAs: identifierSchema.optional(),
});
export type MenuConfig = z.infer<typeof menuSchema>;
