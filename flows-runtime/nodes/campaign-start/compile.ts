import type { NodeCompiler } from "../node-definition";
import type { CampaignStartCompiled } from "./compiled";
import type { CampaignStartConfig } from "./schema";

export const compileCampaignStart: NodeCompiler<CampaignStartConfig, CampaignStartCompiled> = (config) => ({ defaultLanguage: config.defaultLanguage });
