import { proxyActivities } from "@temporalio/workflow";
import type { HoldAnnouncements, QueueJoinOutcome, QueueJoinRequest, QueueSkillNeed, QueueWaitOutcome, QueueWidening, RoutingEffects } from "../../flows-runtime/interpreter/routing-effects";
import type { QueueHoldSettings } from "../queues/queue-call-activities";
import type { RoutingActivities } from "../queues/routing-activities";
import type { QueueCall, QueueCallOutcome } from "./queue-call";

const routing = proxyActivities<RoutingActivities>({
  startToCloseTimeout: "10s",
  retry: { initialInterval: "200ms", backoffCoefficient: 2, maximumInterval: "2s", maximumAttempts: 20 },
});

/** How the routing flow ended, for the IVR's transfer step. */
export type RoutingEnd = Exclude<QueueCallOutcome, { kind: "not-a-queue" }>;

/**
 * A routing flow's queues (RoutingEffects) over the call's QueueCall: the interpreter runs the flow's
 * steps, this joins, waits, widens and leaves. The needs it joined with are kept, so a widening can
 * recompute them for another queue.
 */
export class RoutingSession implements RoutingEffects {
  private talked: Extract<QueueCallOutcome, { kind: "talked" }> | null = null;
  private voicemailAsked = false;
  private needs: { skills: QueueSkillNeed[]; maxProficiency: number | null } = { skills: [], maxProficiency: null };

  constructor(private readonly call: QueueCall) {}

  /** An agent took the call (the flow's queue or widen step ended it as transferred). */
  get answered(): boolean {
    return this.talked !== null;
  }

  async join(request: QueueJoinRequest): Promise<QueueJoinOutcome> {
    if (request.skipIfNoAgents) {
      const agents = await routing.queueAgentsSignedIn({ queue: request.queue, skills: request.skills });
      if (typeof agents !== "number") throw new Error(`${agents.unknown} does not exist`);
      if (agents === 0) return "no-agents";
    }
    const joined = await this.call.joinQueue(request.queue, request.priority, request.skills, (worker) => holdOf(request.hold, worker));
    if (joined === "queued") this.needs = { skills: request.skills, maxProficiency: null };
    return joined;
  }

  async wait(seconds: number): Promise<QueueWaitOutcome> {
    const waited = await this.call.waitInQueue(seconds);
    if (waited === "timeout") return "timeout";
    if (waited.kind === "talked") {
      this.talked = waited;
      return "answered";
    }
    throw new Error(waited.kind === "failed" ? waited.reason : "the queue hung the call up");
  }

  async widen(widening: QueueWidening): Promise<void> {
    const stay = this.call.stay;
    if (stay === null) throw new Error("the call waits in no queue: widen follows a queue step that queued it");
    const maxProficiency = widening.minProficiency === null ? this.needs.maxProficiency : Math.min(widening.minProficiency, this.needs.maxProficiency ?? 5);
    const queue = widening.addQueue ?? stay.queue;
    const result = await routing.queueRetarget({ callId: stay.callId, queue, skills: this.needs.skills, maxProficiency });
    // Refused: the call was just connected or left (the wait that follows tells), or the queue is gone.
    this.call.noteWidened({ queue, maxProficiency, refused: result.refused });
    if (result.refused === null) this.needs = { ...this.needs, maxProficiency };
  }

  async voicemail(): Promise<void> {
    this.voicemailAsked = true;
    await this.call.leaveQueue();
  }

  /** After the flow's last step: out of any queue, and what the IVR's transfer step makes of it. */
  async finish(outcome: string, error: string | null, hungUpByFlow: boolean): Promise<RoutingEnd> {
    if (this.talked !== null) return this.talked;
    await this.call.leaveQueue();
    if (hungUpByFlow) return { kind: "hung-up", reason: "the routing flow hung up" };
    if (this.voicemailAsked) return { kind: "failed", reason: "routing flow: voicemail" };
    return { kind: "failed", reason: `routing flow ended (${outcome})${error === null ? "" : `: ${error}`}` };
  }
}

/** The step's hold settings; its music class, when it names none, the worker's (QUEUE_MOH_CLASS). */
function holdOf(hold: HoldAnnouncements, worker: QueueHoldSettings): QueueHoldSettings {
  return {
    mohClass: hold.mohClass ?? worker.mohClass,
    announceEverySeconds: hold.announceEverySeconds,
    say: { position: hold.position, estimatedWait: hold.estimatedWait, comfortText: hold.comfortText, silent: hold.announceEverySeconds === 0 },
  };
}
