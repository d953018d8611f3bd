import type { FlowKind } from "@/flows-runtime/graph/schema";
import type { FlowAction } from "@/app/_server/auth/permissions";
import type { FlowSummary } from "@/app/_server/flows/flow-summary";

/** A flow as the list shows it, with the actions this user may take on it (decided on the server). */
export interface FlowRow extends FlowSummary {
  allowed: FlowAction[];
}

export interface KindOption {
  kind: FlowKind;
  /** Enabled in this release and allowed for this role. */
  available: boolean;
  /** Not built yet (shown greyed out as "coming later"). */
  comingLater: boolean;
}
