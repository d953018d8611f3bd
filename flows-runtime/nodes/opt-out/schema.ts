import { z } from "zod";

export const optOutSchema = z.object({
  /** "all": no campaign calls the number again; "campaign": only this one does not. */
  scope: z.enum(["all", "campaign"]).default("all"),
});
export type OptOutConfig = z.infer<typeof optOutSchema>;
