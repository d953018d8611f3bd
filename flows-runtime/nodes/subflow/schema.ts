import { z } from "zod";
import { identifierSchema } from "../shared/identifier";
import { expressionSourceSchema } from "../shared/sources";
import { uniqueBy } from "../shared/unique";

export const subflowSchema = z.object({
  /** Id of a published flow; the version is pinned when the call starts. */
  flowId: z.string().trim().min(1).max(100),
  /** Variables of the subflow, set from expressions over this flow's variables. */
  inputs: z
    .array(z.object({ name: identifierSchema, value: expressionSourceSchema }))
    .max(50)
    .default([])
    .superRefine(...uniqueBy<{ name: string; value: string }>("name", "duplicate-name", "name")),
  /** Subflow variables copied back into this flow when it ends. */
  outputs: z.array(z.object({ from: identifierSchema, to: identifierSchema })).max(50).default([]),
});
export type SubflowConfig = z.infer<typeof subflowSchema>;
