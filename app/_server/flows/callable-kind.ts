import type { FlowKind } from "@/flows-runtime/graph/schema";
import { AppError } from "@/app/_server/http/app-error";

/**
 * A call enters the product through an IVR only: a routing flow runs when a queue names it, a
 * campaign flow on the calls its campaign places. Refused where a number is assigned or a test call
 * placed, so such a call does not fail at its first routing or campaign step.
 */
export function requireIvrFor(use: "entry-point" | "test-call", kind: FlowKind): void {
  if (kind === "ivr") return;
  if (use === "entry-point") {
    throw new AppError(422, "entry_point_not_ivr", `Only an IVR flow can answer a phone number or Stasis argument: this is a ${kind} flow.`, { kind });
  }
  throw new AppError(422, "test_call_not_ivr", `Only an IVR flow can be test-called: this is a ${kind} flow.`, { kind });
}
