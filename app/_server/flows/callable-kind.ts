import type { FlowKind } from "@/flows-runtime/graph/schema";
import { AppError } from "@/app/_server/http/app-error";

const SERVER_MESSAGE = {
  entry_point_not_ivr: "Only an IVR flow can answer a phone number or Stasis argument",
  test_call_not_ivr: "Only an IVR flow can be test-called",
} as const;

/**
 * A call enters the product through an IVR only: a routing flow runs when a queue names it, a
 * campaign flow on the calls its campaign places. Refused where a number is assigned or a test call
 * placed, so such a call does not fail at its first routing or campaign step.
 */
export function requireIvrFor(use: keyof typeof SERVER_MESSAGE, kind: FlowKind): void {
  if (kind === "ivr") return;
  throw new AppError(422, use, `${SERVER_MESSAGE[use]}: this is a ${kind} flow.`, { kind });
}
