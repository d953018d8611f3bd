import type { QueueJoinOutcome, QueueJoinRequest, QueueWaitOutcome, QueueWidening, RoutingEffects } from "../interpreter/routing-effects";

export interface RoutingScript {
  /** Per queue name; default "queued". */
  join?: Record<string, QueueJoinOutcome>;
  /** Outcomes of the waits in order; default "timeout". */
  waits?: QueueWaitOutcome[];
}

/** RoutingEffects for unit tests: answers from a script and records every call. */
export class ScriptedRouting implements RoutingEffects {
  readonly calls: (
    | { kind: "join"; request: QueueJoinRequest }
    | { kind: "wait"; seconds: number }
    | { kind: "widen"; widening: QueueWidening }
    | { kind: "voicemail" }
  )[] = [];
  private waited = 0;

  constructor(private readonly script: RoutingScript = {}) {}

  async join(request: QueueJoinRequest): Promise<QueueJoinOutcome> {
    this.calls.push({ kind: "join", request });
    return this.script.join?.[request.queue] ?? "queued";
  }

  async wait(seconds: number): Promise<QueueWaitOutcome> {
    this.calls.push({ kind: "wait", seconds });
    const outcome = this.script.waits?.[this.waited] ?? "timeout";
    this.waited += 1;
    return outcome;
  }

  async widen(widening: QueueWidening): Promise<void> {
    this.calls.push({ kind: "widen", widening });
  }

  async voicemail(): Promise<void> {
    this.calls.push({ kind: "voicemail" });
  }
}
