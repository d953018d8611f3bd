import type { FlowKind } from "@/flows-runtime/graph/schema";

/** Kinds that can be created or imported today; the others are shown in the UI as coming later. */
export const enabledFlowKinds: readonly FlowKind[] = ["ivr", "routing", "campaign"];

export function isFlowKindEnabled(kind: FlowKind): boolean {
  return enabledFlowKinds.includes(kind);
}
