import { compileBranch } from "./branch/compile";
import { compileCampaignStart } from "./campaign-start/compile";
import { campaignStartDefinition } from "./campaign-start/definition";
import { compileOptOut } from "./opt-out/compile";
import { optOutDefinition } from "./opt-out/definition";
import { compileSetOutcome } from "./set-outcome/compile";
import { setOutcomeDefinition } from "./set-outcome/definition";
import { branchDefinition } from "./branch/definition";
import { compileBusinessHours } from "./business-hours/compile";
import { businessHoursDefinition } from "./business-hours/definition";
import { compileCollect } from "./collect/compile";
import { collectDefinition } from "./collect/definition";
import { compileHangup } from "./hangup/compile";
import { hangupDefinition } from "./hangup/definition";
import { compileHttpRequest } from "./http-request/compile";
import { httpRequestDefinition } from "./http-request/definition";
import { compileLanguageSelect } from "./language-select/compile";
import { languageSelectDefinition } from "./language-select/definition";
import { compileLookupCustomer } from "./lookup-customer/compile";
import { lookupCustomerDefinition } from "./lookup-customer/definition";
import { compileMenu } from "./menu/compile";
import { menuDefinition } from "./menu/definition";
import type { NodeCompiler, NodeDefinition } from "./node-definition";
import { compilePlay } from "./play/compile";
import { compileQueueNode } from "./queue/compile";
import { queueNodeDefinition } from "./queue/definition";
import { playDefinition } from "./play/definition";
import { compileRecord } from "./record/compile";
import { compileRoutingStart } from "./routing-start/compile";
import { routingStartDefinition } from "./routing-start/definition";
import { recordDefinition } from "./record/definition";
import { compileSetVariables } from "./set-variables/compile";
import { setVariablesDefinition } from "./set-variables/definition";
import { compileStart } from "./start/compile";
import { startDefinition } from "./start/definition";
import { compileSubflow } from "./subflow/compile";
import { subflowDefinition } from "./subflow/definition";
import { compileTransfer } from "./transfer/compile";
import { transferDefinition } from "./transfer/definition";
import { compileVoicemail } from "./voicemail/compile";
import { voicemailDefinition } from "./voicemail/definition";
import { compileWiden } from "./widen/compile";
import { widenDefinition } from "./widen/definition";

export interface CompilableNode<Config = unknown> {
  definition: NodeDefinition<Config>;
  /** Receives the config produced by definition.schema. */
  compile(config: Config): unknown;
}

/** Ties a definition to the compiler of the same config type. */
function node<Config>(definition: NodeDefinition<Config>, compile: NodeCompiler<Config>): CompilableNode {
  return { definition, compile };
}

const compilableNodes: readonly CompilableNode[] = [
  node(startDefinition, compileStart),
  node(playDefinition, compilePlay),
  node(menuDefinition, compileMenu),
  node(collectDefinition, compileCollect),
  node(branchDefinition, compileBranch),
  node(setVariablesDefinition, compileSetVariables),
  node(businessHoursDefinition, compileBusinessHours),
  node(httpRequestDefinition, compileHttpRequest),
  node(lookupCustomerDefinition, compileLookupCustomer),
  node(transferDefinition, compileTransfer),
  node(recordDefinition, compileRecord),
  node(languageSelectDefinition, compileLanguageSelect),
  node(subflowDefinition, compileSubflow),
  node(hangupDefinition, compileHangup),
  node(routingStartDefinition, compileRoutingStart),
  node(queueNodeDefinition, compileQueueNode),
  node(widenDefinition, compileWiden),
  node(voicemailDefinition, compileVoicemail),
  node(campaignStartDefinition, compileCampaignStart),
  node(optOutDefinition, compileOptOut),
  node(setOutcomeDefinition, compileSetOutcome),
];

const byType = new Map(compilableNodes.map((entry) => [entry.definition.type, entry]));

export function getCompilableNode(type: string): CompilableNode | undefined {
  return byType.get(type);
}

export const nodeCompilers: ReadonlyMap<string, CompilableNode> = byType;
