import type { LogEntry } from "../call-log";
import type { EndpointScriptInput, SimEndpoint } from "../endpoints";
import type { DelayResponsesRule, DropEventsRule } from "../faults";
import type { CallStatus, PlaceCallRequest } from "./calls";

export type { CallStatus, PlaceCallRequest } from "./calls";
export type { LogEntry } from "../call-log";
export type { CallScript, ScriptStep } from "../script/schema";
export type { EndpointScript, EndpointScriptInput, SimEndpoint } from "../endpoints";

export interface SimulatorControl {
  /** Places an inbound call into Stasis; `rejected` when no application was registered. */
  placeCall(req: PlaceCallRequest): Promise<{ callId: string; rejected: boolean }>;
  getCall(callId: string): Promise<CallStatus>;
  /** Resolves when the call has ended; rejects after timeoutMs. */
  waitForCall(callId: string, timeoutMs?: number): Promise<CallStatus>;
  /** The caller (or, for an outbound channel, the far end) hangs up. */
  hangup(callId: string): Promise<void>;
  press(callId: string, digits: string, opts?: { durationMs?: number; gapMs?: number }): Promise<void>;
  log(filter?: { channelId?: string; kind?: string }): Promise<LogEntry[]>;
  /** Fault injection: matching events are dropped, as if no application socket were connected. */
  dropEvents(rule: DropEventsRule): Promise<void>;
  /** Fault injection: matching ARI requests run at once, their answers are sent `ms` later. */
  delayResponses(rule: DelayResponsesRule): Promise<void>;
  clearFaults(): Promise<void>;
  /**
   * Configures (or reconfigures) the endpoint an agent's phone registers as: a script object or its text,
   * e.g. setEndpoint("1001", "answer after 2s; talk 30s"), "busy", "no answer", "unregistered".
   */
  setEndpoint(resource: string, script: EndpointScriptInput | string, technology?: string): Promise<SimEndpoint>;
  /** The endpoint no longer exists (an originate to it fails when openEndpoints is false). */
  removeEndpoint(resource: string, technology?: string): Promise<void>;
  endpoints(): Promise<SimEndpoint[]>;
}

/** Typed client for the simulator's /_sim/ control API. */
export function createSimulatorControl(baseUrl: string): SimulatorControl {
  const base = baseUrl.replace(/\/+$/, "") + "/_sim";
  async function call<T>(method: string, path: string, body?: unknown, okStatuses: number[] = []): Promise<T> {
    const res = await fetch(base + path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok && !okStatuses.includes(res.status)) {
      const msg = (parsed as { message?: string } | undefined)?.message ?? res.statusText;
      throw new Error(`${method} /_sim${path} -> ${res.status}: ${msg}`);
    }
    return parsed as T;
  }
  return {
    placeCall: (req) => call("POST", "/calls", req),
    getCall: (id) => call("GET", `/calls/${encodeURIComponent(id)}`),
    async waitForCall(id, timeoutMs = 30_000) {
      const status = await call<CallStatus>("GET", `/calls/${encodeURIComponent(id)}/wait?timeoutMs=${timeoutMs}`, undefined, [408]);
      if (!status.done) throw new Error(`call ${id} still running after ${timeoutMs} ms (state ${status.state})`);
      return status;
    },
    hangup: (id) => call("DELETE", `/calls/${encodeURIComponent(id)}`),
    press: (id, digits, opts = {}) => call("POST", `/calls/${encodeURIComponent(id)}/dtmf`, { digits, ...opts }),
    dropEvents: (rule) => call("POST", "/faults/drop-events", rule),
    delayResponses: (rule) => call("POST", "/faults/delay-responses", rule),
    clearFaults: () => call("DELETE", "/faults"),
    setEndpoint: (resource, script, technology = "PJSIP") =>
      call("PUT", `/endpoints/${encodeURIComponent(technology)}/${encodeURIComponent(resource)}`, script),
    removeEndpoint: (resource, technology = "PJSIP") =>
      call("DELETE", `/endpoints/${encodeURIComponent(technology)}/${encodeURIComponent(resource)}`),
    endpoints: () => call("GET", "/endpoints"),
    async log(filter = {}) {
      const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
      return (await call<{ entries: LogEntry[] }>("GET", `/log?${q}`)).entries;
    },
  };
}
