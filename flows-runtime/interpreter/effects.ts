/**
 * What a running flow may ask of the outside world. flows-runtime never does I/O itself:
 * the Temporal workflow implements these with activities and signals, unit tests with fakes.
 * Every method may reject with CallHangupError when the caller hangs up.
 */

export type MediaItem =
  | { kind: "tts"; text: string; language: string; voice?: string }
  | { kind: "sound"; name: string }
  | { kind: "recording"; name: string }
  | { kind: "digits"; value: string }
  | { kind: "number"; value: number };

export interface PlayOptions {
  /** When true the first DTMF digit stops the playback; the digit stays buffered for the next input. */
  bargeIn: boolean;
}

export interface PlayResult {
  /** The digit that interrupted the playback, if any (still buffered for collectDigits). */
  interruptedBy?: string;
}

export interface CollectOptions {
  minDigits: number;
  maxDigits: number;
  /** Key that ends input early ("#"), not included in the result; null for none. */
  terminator: string | null;
  /** Time to wait for the first digit. */
  firstDigitTimeoutMs: number;
  interDigitTimeoutMs: number;
  /** Overall limit from the start of collection; null for none. */
  totalTimeoutMs: number | null;
}

export interface CollectResult {
  digits: string;
  ended: "max" | "terminator" | "timeout";
}

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body: string | null;
  timeoutMs: number;
  /** Names of secrets referenced as {{secret.NAME}} in url/headers/body; resolved by the activity, never by the flow. */
  secretRefs: string[];
  /**
   * Paths of the response fields the flow maps. When the request carries a secret, the activity
   * returns only these fields, never the whole body. Absent in activity inputs recorded before it existed.
   */
  responseFields?: string[][];
}

export interface HttpResponse {
  ok: boolean;
  status: number | null;
  /** Parsed JSON body when the response was JSON, else the text. */
  body: unknown;
  error: string | null;
}

export interface RecordOptions {
  maxDurationSeconds: number;
  beep: boolean;
  /** Seconds of silence that end the recording; 0 disables. */
  maxSilenceSeconds: number;
  /** DTMF key that ends the recording, or null. */
  terminateOn: string | null;
}

export interface RecordResult {
  recordingName: string;
  durationSeconds: number;
  ended: "silence" | "max" | "dtmf" | "hangup";
}

export type TransferTarget =
  | { kind: "queue"; queue: string; priority: number; skills: string[] }
  | { kind: "number"; number: string; callerId: string | null; timeoutSeconds: number }
  | { kind: "endpoint"; endpoint: string; timeoutSeconds: number };

export interface TransferResult {
  ok: boolean;
  reason: string | null;
}

/** A customer search: a normalised phone number, or one attribute field's value (an order number). */
export type CustomerLookup = { by: "phone"; value: string } | { by: "attribute"; key: string; value: string };

/** What the lookup node puts into `customer`: plain JSON. */
export interface CustomerProfile {
  id: string;
  name: string;
  /** The member level. */
  tier: string | null;
  tags: string[];
  timeZone: string | null;
  language: string | null;
  attributes: Record<string, unknown>;
}

export type CustomerLookupResult =
  | { kind: "found"; customer: CustomerProfile }
  | { kind: "not-found" }
  /** The lookup could not be made (database unreachable): the node goes on as not found. */
  | { kind: "failed"; error: string }
  /** A test call pretends the customer (a `customer` variable): nothing is looked up, the pretended one stays. */
  | { kind: "pretended" };

export interface SubflowResult {
  outputs: Record<string, unknown>;
  outcome: string;
}

/** Who an opt-out keeps from calling: this campaign only, or every campaign. */
export type OptOutScope = "campaign" | "all";

/** What a campaign call's flow writes about its contact, at once (a call outside a campaign has none). */
export interface CampaignEffects {
  optOut(scope: OptOutScope): Promise<void>;
  setOutcome(outcome: string): Promise<void>;
}

export interface CallEffects {
  play(media: MediaItem[], options: PlayOptions): Promise<PlayResult>;
  collectDigits(options: CollectOptions): Promise<CollectResult>;
  http(request: HttpRequest): Promise<HttpResponse>;
  lookupCustomer(lookup: CustomerLookup): Promise<CustomerLookupResult>;
  record(options: RecordOptions): Promise<RecordResult>;
  transfer(target: TransferTarget): Promise<TransferResult>;
  hangup(): Promise<void>;
  /** Run another published flow (pinned when the call started) with its own variable scope. */
  runSubflow(flowId: string, inputs: Record<string, unknown>): Promise<SubflowResult>;
  /** Deterministic clock: workflow time inside Temporal. */
  now(): Date;
  /** Present only in a campaign's call. */
  campaign?: CampaignEffects;
}

/** Thrown by effects when the caller hangs up; the interpreter ends the call cleanly. */
export class CallHangupError extends Error {
  constructor(public readonly during: string) {
    super(`caller hung up during ${during}`);
    this.name = "CallHangupError";
  }
}
