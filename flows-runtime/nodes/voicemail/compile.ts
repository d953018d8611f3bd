import type { NodeCompiler } from "../node-definition";
import type { VoicemailCompiled } from "./compiled";
import type { VoicemailConfig } from "./schema";

export const compileVoicemail: NodeCompiler<VoicemailConfig, VoicemailCompiled> = () => ({});
