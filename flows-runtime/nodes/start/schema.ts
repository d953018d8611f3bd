import { z } from "zod";
import { languageCodeSchema } from "../shared/languages";

export const startSchema = z.object({
  /** Language of the call when the caller (the trunk's settings) did not set one. */
  defaultLanguage: languageCodeSchema.default("zh-CN"),
});
export type StartConfig = z.infer<typeof startSchema>;
