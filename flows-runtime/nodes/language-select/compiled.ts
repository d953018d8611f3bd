import { z } from "zod";

export const languageSelectCompiledSchema = z.object({ language: z.string() });
export type LanguageSelectCompiled = z.infer<typeof languageSelectCompiledSchema>;
