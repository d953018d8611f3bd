import type { FlowKind } from "@/flows-runtime/graph/schema";
import type { FlowAction } from "@/app/_server/auth/permissions";
import type { LatestCall } from "@/app/_server/calls/latest-calls-by-flow";
import type { FlowSummary } from "@/app/_server/flows/flow-summary";

/** A flow as the list shows it, with the actions this user may take on it (decided on the server). */
export interface FlowRow extends FlowSummary {
  allowed: FlowAction[];
  /** The flow's newest call, for roles that see the call log (undefined: not shown; null: no call yet). */
  latestCall?: LatestCall | null;
}

export interface KindOption {
  kind: FlowKind;
  /** Enabled in this release and allowed for this role. */
  available: boolean;
  /** Not built yet (shown greyed out as "coming later"). */
  comingLater: boolean;
}
