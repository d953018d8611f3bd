import { branchDefinition } from "./branch/definition";
import { campaignStartDefinition } from "./campaign-start/definition";
import { optOutDefinition } from "./opt-out/definition";
import { setOutcomeDefinition } from "./set-outcome/definition";
import { businessHoursDefinition } from "./business-hours/definition";
import { collectDefinition } from "./collect/definition";
import { hangupDefinition } from "./hangup/definition";
import { httpRequestDefinition } from "./http-request/definition";
import { languageSelectDefinition } from "./language-select/definition";
import { lookupCustomerDefinition } from "./lookup-customer/definition";
import { menuDefinition } from "./menu/definition";
import type { NodeDefinition } from "./node-definition";
import { playDefinition } from "./play/definition";
import { queueNodeDefinition } from "./queue/definition";
import { recordDefinition } from "./record/definition";
import { routingStartDefinition } from "./routing-start/definition";
import { setVariablesDefinition } from "./set-variables/definition";
import { startDefinition } from "./start/definition";
import { subflowDefinition } from "./subflow/definition";
import { transferDefinition } from "./transfer/definition";
import { voicemailDefinition } from "./voicemail/definition";
import { widenDefinition } from "./widen/definition";

/** Every node type, in palette order. Browser-safe: no compiler or executor code behind these imports. */
export const nodeDefinitions: readonly NodeDefinition[] = [
  startDefinition,
  playDefinition,
  menuDefinition,
  collectDefinition,
  branchDefinition,
  setVariablesDefinition,
  businessHoursDefinition,
  httpRequestDefinition,
  lookupCustomerDefinition,
  transferDefinition,
  recordDefinition,
  languageSelectDefinition,
  subflowDefinition,
  hangupDefinition,
  routingStartDefinition,
  queueNodeDefinition,
  widenDefinition,
  voicemailDefinition,
  campaignStartDefinition,
  optOutDefinition,
  setOutcomeDefinition,
];

const byType = new Map(nodeDefinitions.map((definition) => [definition.type, definition]));

export function getNodeDefinition(type: string): NodeDefinition | undefined {
  return byType.get(type);
}
