import {
  CallHangupError,
  type CallEffects,
  type CampaignEffects,
  type OptOutScope,
  type CollectOptions,
  type CollectResult,
  type CustomerLookup,
  type CustomerLookupResult,
  type CustomerProfile,
  type HttpRequest,
  type HttpResponse,
  type MediaItem,
  type PlayOptions,
  type PlayResult,
  type RecordOptions,
  type RecordResult,
  type SubflowResult,
  type TransferResult,
  type TransferTarget,
} from "../interpreter/effects";

/** One thing the caller does, consumed in order. */
export type ScriptedInput =
  /** Keys typed when the flow next waits for input ("1", "4111111111111111#"); then the caller pauses. */
  | string
  /** Keys typed while the Nth prompt plays (counting every play() call from 1): barge-in when allowed. */
  | { digits: string; duringPrompt: number }
  /** The caller stays silent for one input. */
  | { timeout: true }
  /** The caller hangs up when the flow next waits for input. */
  | { hangup: true };

/** A scripted HTTP answer: a status and body, or a network error / timeout. */
export type ScriptedHttp = { status?: number; body?: unknown; delayMs?: number } | { error: string; delayMs?: number };

export type EffectName = "play" | "collectDigits" | "http" | "lookupCustomer" | "record" | "transfer" | "hangup" | "runSubflow";

export interface EffectsScript {
  input?: ScriptedInput[];
  /** By exact URL (secrets stay as {{secret.NAME}}), "*" for any other; a list is answered in order, its last entry repeating. */
  http?: Record<string, ScriptedHttp | ScriptedHttp[] | ((request: HttpRequest) => ScriptedHttp)>;
  /** Default: every transfer succeeds. */
  transfer?: TransferResult | ((target: TransferTarget) => TransferResult);
  record?: Partial<RecordResult>;
  /** Customers by normalised phone number ("+8613800000000") or "<key>=<value>" of an attribute; "fail" makes every lookup fail. */
  customers?: Record<string, CustomerProfile> | "fail";
  subflows?: Record<string, SubflowResult | ((inputs: Record<string, unknown>) => SubflowResult)>;
  /** The caller hangs up during the Nth call (default 1st) of this effect. */
  hangupDuring?: { effect: EffectName; occurrence?: number };
  /** Virtual clock start. Default 2025-01-06T02:00:00Z: a Monday, 10:00 in Shanghai. */
  startAt?: string | Date;
  /** Virtual time per media item played. Default 1,000 ms. */
  playMsPerItem?: number;
  /** Virtual time per key pressed. Default 300 ms. */
  digitMs?: number;
  /** The call is a campaign's: opt-outs and outcomes are recorded in `campaignWrites`. */
  campaign?: boolean;
}

export interface PlayRecord {
  media: MediaItem[];
  bargeIn: boolean;
  /** The key that stopped this prompt. */
  interruptedBy: string | null;
  at: string;
}

export interface CallRecord {
  effect: EffectName;
  at: string;
  args: unknown;
}

/**
 * A fake CallEffects for tests and the designer's test call: caller behaviour comes from a script,
 * every prompt and effect call is recorded, and time is a virtual clock.
 */
export class ScriptedEffects implements CallEffects {
  readonly plays: PlayRecord[] = [];
  readonly calls: CallRecord[] = [];
  readonly httpRequests: HttpRequest[] = [];
  readonly customerLookups: CustomerLookup[] = [];
  readonly collects: { options: CollectOptions; result: CollectResult }[] = [];
  readonly transfers: TransferTarget[] = [];
  readonly recordings: RecordResult[] = [];
  readonly subflowCalls: { flowId: string; inputs: Record<string, unknown> }[] = [];
  /** Set when the flow hung up (hangup()) or the scripted caller did. */
  hungUp: "flow" | "caller" | null = null;
  /** What the flow wrote about the contact of a campaign call, in order. */
  readonly campaignWrites: ({ kind: "opt-out"; scope: OptOutScope } | { kind: "outcome"; outcome: string })[] = [];
  readonly campaign: CampaignEffects | undefined;

  private readonly input: ScriptedInput[];
  private buffer = "";
  private clock: number;
  private readonly counts = new Map<EffectName, number>();
  private readonly httpCursor = new Map<string, number>();

  constructor(private readonly script: EffectsScript = {}) {
    this.input = [...(script.input ?? [])];
    this.clock = new Date(script.startAt ?? "2025-01-06T02:00:00.000Z").getTime();
    this.campaign = script.campaign
      ? {
          optOut: async (scope) => {
            this.campaignWrites.push({ kind: "opt-out", scope });
          },
          setOutcome: async (outcome) => {
            this.campaignWrites.push({ kind: "outcome", outcome });
          },
        }
      : undefined;
  }

  /** Every media item played, in order. */
  get played(): MediaItem[] {
    return this.plays.flatMap((play) => play.media);
  }

  /** The text of every TTS item played, in order. */
  spoken(): string[] {
    return this.played.flatMap((item) => (item.kind === "tts" ? [item.text] : []));
  }

  /** Scripted caller actions the flow never consumed. */
  get unusedInput(): ScriptedInput[] {
    return [...this.input];
  }

  /** Keys that arrived but were never collected. */
  get bufferedDigits(): string {
    return this.buffer;
  }

  advance(ms: number): void {
    this.clock += Math.max(0, ms);
  }

  now(): Date {
    return new Date(this.clock);
  }

  private begin(effect: EffectName, args: unknown): void {
    const count = (this.counts.get(effect) ?? 0) + 1;
    this.counts.set(effect, count);
    this.calls.push({ effect, at: this.now().toISOString(), args });
    if (this.hungUp === "caller") throw new CallHangupError(effect);
    const hangup = this.script.hangupDuring;
    if (hangup !== undefined && hangup.effect === effect && (hangup.occurrence ?? 1) === count) {
      this.hungUp = "caller";
      throw new CallHangupError(effect);
    }
  }

  async play(media: MediaItem[], options: PlayOptions): Promise<PlayResult> {
    this.begin("play", { media, options });
    const promptNumber = this.counts.get("play") ?? 0;
    for (let i = 0; i < this.input.length; ) {
      const entry = this.input[i];
      if (typeof entry === "object" && "duringPrompt" in entry && entry.duringPrompt === promptNumber) {
        this.buffer += entry.digits;
        this.input.splice(i, 1);
      } else {
        i += 1;
      }
    }
    const interruptedBy = options.bargeIn && this.buffer !== "" ? this.buffer.charAt(0) : null;
    this.plays.push({ media, bargeIn: options.bargeIn, interruptedBy, at: this.now().toISOString() });
    this.advance((interruptedBy === null ? media.length : 0.5) * (this.script.playMsPerItem ?? 1000));
    return interruptedBy === null ? {} : { interruptedBy };
  }

  /** The next input the caller gives when asked, skipping keys scheduled for later prompts. */
  private nextAnswer(): ScriptedInput | undefined {
    const index = this.input.findIndex((entry) => typeof entry === "string" || !("duringPrompt" in entry));
    return index === -1 ? undefined : this.input.splice(index, 1)[0];
  }

  async collectDigits(options: CollectOptions): Promise<CollectResult> {
    this.begin("collectDigits", options);
    if (this.buffer === "") {
      const answer = this.nextAnswer();
      if (typeof answer === "string") this.buffer += answer;
      else if (answer !== undefined && "hangup" in answer) {
        this.hungUp = "caller";
        throw new CallHangupError("collectDigits");
      }
    }
    let digits = "";
    let ended: CollectResult["ended"] = "timeout";
    while (this.buffer !== "") {
      const key = this.buffer.charAt(0);
      this.buffer = this.buffer.slice(1);
      if (options.terminator !== null && key === options.terminator) {
        ended = "terminator";
        break;
      }
      digits += key;
      if (digits.length >= options.maxDigits) {
        ended = "max";
        break;
      }
    }
    this.advance(digits.length * (this.script.digitMs ?? 300));
    if (ended === "timeout") this.advance(digits === "" ? options.firstDigitTimeoutMs : options.interDigitTimeoutMs);
    const result = { digits, ended };
    this.collects.push({ options, result });
    return result;
  }

  private scriptedHttp(request: HttpRequest): ScriptedHttp | undefined {
    const table = this.script.http ?? {};
    const key = Object.hasOwn(table, request.url) ? request.url : Object.hasOwn(table, "*") ? "*" : undefined;
    const entry = key === undefined ? undefined : table[key];
    if (entry === undefined || key === undefined) return undefined;
    if (typeof entry === "function") return entry(request);
    if (!Array.isArray(entry)) return entry;
    const cursor = this.httpCursor.get(key) ?? 0;
    this.httpCursor.set(key, cursor + 1);
    return entry[Math.min(cursor, entry.length - 1)];
  }

  async http(request: HttpRequest): Promise<HttpResponse> {
    this.begin("http", request);
    this.httpRequests.push(request);
    const scripted = this.scriptedHttp(request);
    this.advance(scripted?.delayMs ?? 50);
    if (scripted === undefined) {
      return { ok: false, status: null, body: null, error: `no scripted response for ${request.method} ${request.url}` };
    }
    if ("error" in scripted) return { ok: false, status: null, body: null, error: scripted.error };
    const status = scripted.status ?? 200;
    return { ok: status >= 200 && status < 300, status, body: scripted.body ?? null, error: null };
  }

  async lookupCustomer(lookup: CustomerLookup): Promise<CustomerLookupResult> {
    this.begin("lookupCustomer", lookup);
    this.customerLookups.push(lookup);
    const customers = this.script.customers ?? {};
    if (customers === "fail") return { kind: "failed", error: "customer database unreachable" };
    const key = lookup.by === "phone" ? lookup.value : `${lookup.key}=${lookup.value}`;
    const customer = Object.hasOwn(customers, key) ? customers[key] : undefined;
    return customer === undefined ? { kind: "not-found" } : { kind: "found", customer };
  }

  async record(options: RecordOptions): Promise<RecordResult> {
    this.begin("record", options);
    const number = this.counts.get("record") ?? 0;
    const result: RecordResult = { recordingName: `recording-${number}`, durationSeconds: 7, ended: "silence", ...this.script.record };
    this.recordings.push(result);
    this.advance(result.durationSeconds * 1000);
    if (result.ended === "hangup") this.hungUp = "caller";
    return result;
  }

  async transfer(target: TransferTarget): Promise<TransferResult> {
    this.begin("transfer", target);
    this.transfers.push(target);
    const scripted = this.script.transfer;
    if (scripted === undefined) return { ok: true, reason: null };
    return typeof scripted === "function" ? scripted(target) : scripted;
  }

  async hangup(): Promise<void> {
    this.begin("hangup", null);
    this.hungUp = "flow";
  }

  async runSubflow(flowId: string, inputs: Record<string, unknown>): Promise<SubflowResult> {
    this.begin("runSubflow", { flowId, inputs });
    this.subflowCalls.push({ flowId, inputs });
    const subflows = this.script.subflows ?? {};
    const scripted = Object.hasOwn(subflows, flowId) ? subflows[flowId] : undefined;
    if (scripted === undefined) throw new Error(`no scripted subflow "${flowId}"`);
    return typeof scripted === "function" ? scripted(inputs) : scripted;
  }
}
