import type { SimChannel } from "../model";
import type { SimSwitch } from "../switch";
import type { CallScript, ScriptStep } from "./schema";

export type ScriptStatus = "running" | "completed" | "failed";

/**
 * Drives the caller side of one channel through a script. Waits are event-driven on the channel;
 * the overall timeout (real ms) hangs the caller up. When the script ends while the channel has left
 * Stasis (continue), the caller hangs up; while still in Stasis it stays on the line until the
 * application hangs up or the timeout passes.
 */
export class ScriptRun {
  status: ScriptStatus = "running";
  error: string | undefined;
  step = 0;
  private startedCursor = 0;
  private readonly deadline: number;
  private deadlineTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sw: SimSwitch,
    private readonly ch: SimChannel,
    private readonly script: CallScript,
  ) {
    this.deadline = Date.now() + (script.timeoutMs ?? sw.cfg.scriptTimeoutMs);
  }

  start(): void {
    this.deadlineTimer = setTimeout(() => {
      if (this.status === "running") this.fail("script timeout");
      if (!this.ch.hungUp) this.sw.hangup(this.ch, { cause: 16, by: "caller-timeout" });
    }, Math.max(0, this.deadline - Date.now()));
    this.deadlineTimer.unref?.();
    this.ch.emitter.once("destroyed", () => {
      if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    });
    void this.run();
  }

  private fail(message: string): void {
    this.status = "failed";
    this.error = message;
    this.sw.log.add("scriptFailed", this.ch.id, { step: this.step, error: message });
  }

  private async run(): Promise<void> {
    try {
      for (this.step = 0; this.step < this.script.steps.length; this.step++) {
        if (this.status !== "running") return;
        await this.exec(this.script.steps[this.step]!);
      }
      if (this.status !== "running") return;
      this.status = "completed";
      this.sw.log.add("scriptCompleted", this.ch.id, {});
      if (!this.ch.hungUp && !this.ch.stasisApp) this.sw.hangup(this.ch, { cause: 16, by: "caller" });
    } catch (err) {
      if (this.status === "running") this.fail(err instanceof Error ? err.message : String(err));
    }
  }

  /** Resolves when cond() holds, re-checking on channel events; rejects if the channel dies first. */
  private until(what: string, cond: () => boolean, allowDestroyed = false): Promise<void> {
    return new Promise((resolve, reject) => {
      const events = ["playbackStarted", "playbackFinished", "stateChange", "stasisEnd", "continued", "destroyed"];
      const check = () => {
        if (cond()) return finish(resolve);
        if (this.ch.destroyed && !allowDestroyed) return finish(() => reject(new Error(`channel hung up while waiting for ${what}`)));
        if (this.status !== "running") return finish(() => reject(new Error("script stopped")));
      };
      const timer = setTimeout(check, Math.max(0, this.deadline - Date.now()) + 5);
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        for (const e of events) this.ch.emitter.off(e, check);
        fn();
      };
      for (const e of events) this.ch.emitter.on(e, check);
      check();
    });
  }

  private async press(digit: string, durationMs: number): Promise<void> {
    if (this.ch.hungUp) throw new Error(`channel hung up before pressing ${digit}`);
    await this.sw.clock.sleep(durationMs);
    this.sw.dtmf(this.ch, digit, durationMs);
  }

  private async exec(step: ScriptStep): Promise<void> {
    const ch = this.ch;
    if ("waitForPlayback" in step) {
      const target = step.waitForPlayback === "next" ? this.startedCursor + 1 : step.waitForPlayback.started;
      await this.until(`playback #${target}`, () => ch.playbacksStarted >= target);
      this.startedCursor = Math.max(this.startedCursor, target);
    } else if ("waitForPlaybackFinished" in step) {
      const target = Math.max(1, this.startedCursor);
      await this.until(`playback #${target} to finish`, () => ch.playbacksFinished >= target);
    } else if ("press" in step) {
      await this.press(step.press.toUpperCase(), step.durationMs ?? this.sw.cfg.dtmfDurationMs);
    } else if ("pressSequence" in step) {
      const digits = [...step.pressSequence.toUpperCase()];
      for (let i = 0; i < digits.length; i++) {
        if (i > 0) await this.sw.clock.sleep(step.gapMs ?? 200);
        await this.press(digits[i]!, step.durationMs ?? this.sw.cfg.dtmfDurationMs);
      }
    } else if ("wait" in step) {
      await this.sw.clock.sleep(step.wait);
    } else if ("talk" in step) {
      this.sw.talk(ch, true);
      this.sw.log.add("talkStart", ch.id, {});
      await this.sw.clock.sleep(step.talk);
      this.sw.talk(ch, false);
      this.sw.log.add("talkStop", ch.id, {});
    } else if ("hangup" in step) {
      if (!ch.hungUp) this.sw.hangup(ch, { cause: 16, by: "caller" });
    } else if ("waitForAnswer" in step) {
      await this.until("answer", () => ch.state === "Up");
    } else if ("expectStasisEnd" in step) {
      await this.until("StasisEnd", () => ch.stasisApp === null, true);
    } else if ("expectHangup" in step) {
      await this.until("hangup", () => ch.destroyed, true);
    }
  }
}
