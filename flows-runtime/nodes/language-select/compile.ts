import type { NodeCompiler } from "../node-definition";
import type { LanguageSelectCompiled } from "./compiled";
import type { LanguageSelectConfig } from "./schema";

export const compileLanguageSelect: NodeCompiler<LanguageSelectConfig, LanguageSelectCompiled> = (config) => ({
  language: config.language,
});
