import { ari } from "./activity-proxies";
import type { CallSignalState } from "./call-signal-state";

/**
 * A transfer or agent leg's StasisStart or hangup may have been lost: its channel tells. Records what
 * it finds as the lost signal would have; true when the leg is settled (answered or gone).
 */
export async function askLeg(asteriskId: string, signals: CallSignalState, legChannelId: string): Promise<boolean> {
  const leg = await ari.channelState(asteriskId, legChannelId);
  if (leg.kind === "gone") {
    if (!signals.endedLegs.has(legChannelId)) signals.endedLegs.set(legChannelId, "hangup");
    return true;
  }
  if (leg.state === "Up" && leg.inStasis) {
    signals.answeredLegs.add(legChannelId);
    return true;
  }
  return false;
}
