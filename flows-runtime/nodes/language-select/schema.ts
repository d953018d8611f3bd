import { z } from "zod";
import { languageCodeSchema } from "../shared/languages";

export const languageSelectSchema = z.object({ language: languageCodeSchema });
export type LanguageSelectConfig = z.infer<typeof languageSelectSchema>;
