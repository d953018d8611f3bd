import { proxyActivities } from "@temporalio/workflow";
import type { QueueHoldSettings } from "../queues/queue-call-activities";
import type { RoutingActivities } from "../queues/routing-activities";
import { estimatedWaitText, positionText } from "./queue-announcement";

/** A routing flow's "music only" still asks the channel this often whether the caller is there. */
const SILENT_CHECK_MS = 30_000;

const routing = proxyActivities<RoutingActivities>({
  startToCloseTimeout: "10s",
  retry: { initialInterval: "200ms", backoffCoefficient: 2, maximumInterval: "2s", maximumAttempts: 20 },
});

export function announceCadenceMs(hold: QueueHoldSettings): number {
  return hold.say?.silent === true ? SILENT_CHECK_MS : hold.announceEverySeconds * 1000;
}

/** What the waiting caller hears next: the position, a routing flow's estimate and comfort message; "" for nothing. */
export async function holdText(hold: QueueHoldSettings, queuedId: string, position: number, language: string): Promise<string> {
  const say = hold.say;
  if (say === undefined) return positionText(position, language);
  if (say.silent) return "";
  const estimate = say.estimatedWait ? await routing.queueWaitEstimate({ callId: queuedId, position }) : null;
  return [say.position ? positionText(position, language) : "", estimate === null ? "" : estimatedWaitText(estimate, language), say.comfortText].filter((part) => part !== "").join(" ");
}
