import { asteriskTime } from "./clock";
import { dialplanHas } from "./dialplan";
import { SimChannel } from "./model";
import type { SimSwitch } from "./switch";

export interface OriginateParams {
  endpoint?: string;
  extension?: string;
  context?: string;
  priority?: number;
  label?: string;
  app?: string;
  appArgs?: string;
  callerId?: string;
  timeout?: number;
  channelId?: string;
  variables?: Record<string, string>;
}

export type OriginateResult = { status: number; body: Record<string, unknown> };

/** "Name" <1234> / Name <1234> / 1234 -> caller id. */
function parseCallerId(s: string | undefined): { name: string; number: string } {
  if (!s) return { name: "", number: "" };
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(s);
  if (m) return { name: m[1]!.trim(), number: m[2]!.trim() };
  return /^[\d+*#]+$/.test(s.trim()) ? { name: "", number: s.trim() } : { name: s.trim(), number: "" };
}

/**
 * POST /channels (ari_channels_handle_originate_with_id): validates, creates the outbound channel in
 * state Down and answers 200 at once; the simulated far end (a configured endpoint's script, else the
 * trunk defaults) then rings and answers, is busy or never answers, and on answer the channel runs
 * Stasis(app,appArgs): Dial "", Ringing, Dial RINGING, Up, Dial ANSWER, ChannelVarset STASISSTATUS,
 * StasisStart. An endpoint that does not exist or is not registered fails the request itself.
 */
export function originate(sw: SimSwitch, p: OriginateParams, requestedAt: number): OriginateResult {
  const err = (status: number, message: string): OriginateResult => ({ status, body: { message } });
  if (p.channelId && p.channelId.length > 127) return err(400, "Uniqueid length exceeds maximum of 127");
  if (!p.endpoint) return err(400, "Endpoint must be specified");
  const slash = p.endpoint.indexOf("/");
  const tech = slash >= 0 ? p.endpoint.slice(0, slash) : p.endpoint;
  const resource = slash >= 0 ? p.endpoint.slice(slash + 1) : "";
  if (!tech || !resource) return err(400, "Invalid endpoint specified");
  if (!p.app && !p.extension) return err(400, "Application or extension must be specified");
  if (tech.toLowerCase() === "local") {
    if (p.channelId && sw.channels.has(p.channelId)) return err(409, "Channel with given unique ID already exists");
    return originateLocal(sw, p, resource, requestedAt);
  }
  if (!sw.cfg.technologies.some((t) => t.toLowerCase() === tech.toLowerCase())) {
    return { status: 500, body: { error: "Allocation failed" } };
  }
  const at = resource.indexOf("@");
  const number = at >= 0 ? resource.slice(0, at) : resource;
  const endpointName = at >= 0 ? resource.slice(at + 1) : resource;
  const configured = sw.endpoints.get(tech, endpointName);
  // chan_pjsip.c request(): an unknown endpoint ("endpoint '%s' was not found") and one without a
  // reachable contact (res_pjsip_session.c "No URI available. Is endpoint registered?") both fail the
  // channel request with cause 3; ast_dial_prerun fails, resource_channels.c answers 500 before any channel exists.
  if ((!configured && !sw.cfg.openEndpoints) || (configured && !configured.script.registered)) {
    sw.log.add("originateFailed", undefined, {
      endpoint: p.endpoint,
      reason: configured ? "endpoint not registered" : "endpoint not found",
      requestedAt,
    });
    return { status: 500, body: { error: "Allocation failed" } };
  }
  if (p.channelId && sw.channels.has(p.channelId)) return err(409, "Channel with given unique ID already exists");

  const cid = parseCallerId(p.callerId);
  const ch = new SimChannel(
    p.channelId || sw.newUniqueId(),
    sw.newChannelName(endpointName),
    "Down",
    sw.newProtocolId(),
    { ...cid },
    { ...cid },
    { context: "default", exten: "s", priority: 1, app_name: "", app_data: "" },
    asteriskTime(),
    "en",
    "outbound",
  );
  for (const [k, v] of Object.entries(p.variables ?? {})) ch.vars.set(k, v);
  sw.channels.set(ch.id, ch);
  if (p.app && sw.apps.isActive(p.app)) ch.apps.add(p.app);
  sw.log.add("originate", ch.id, { endpoint: p.endpoint, app: p.app, appArgs: p.appArgs, callerId: p.callerId, requestedAt });
  if (configured) {
    ch.endpoint = `${configured.technology}/${configured.resource}`;
    sw.onEndpointChannel?.(ch);
  }
  const body = ch.toJSON();
  const script = configured?.script;
  const busy = script ? script.behaviour === "busy" : sw.cfg.busyNumbers.includes(number);
  const noAnswer = script ? script.behaviour === "noAnswer" : sw.cfg.noAnswerNumbers.includes(number);

  const timer = (ms: number, fn: () => void) => {
    const t = sw.clock.timer(ms, () => {
      ch.timers.delete(t);
      if (!ch.hungUp) fn();
    });
    ch.timers.add(t);
  };
  const dial = (dialstatus: string) =>
    sw.emit(ch.apps, { type: "Dial", timestamp: asteriskTime(), dialstatus, forward: "", dialstring: resource, peer: ch.toJSON() });

  setImmediate(() => {
    if (ch.hungUp) return;
    ch.dialplan = { ...ch.dialplan, app_name: "AppDial2", app_data: "(Outgoing Line)" };
    dial("");
    ch.dialing = { dialstring: resource };
    const timeoutS = p.timeout === undefined || p.timeout === 0 ? 30 : p.timeout;
    if (timeoutS > 0) {
      // dial.c handle_timeout_trip: hangup cause NO_ANSWER and ast_hangup, with no Dial event and no
      // hangup request (nothing queued a hangup frame): only ChannelDestroyed, cause 19.
      timer(timeoutS * 1000, () => {
        if (ch.state === "Up") return;
        ch.dialing = null;
        sw.hangup(ch, { cause: 19, by: "timeout", noRequest: true });
      });
    }
    timer(script?.ringAfterMs ?? sw.cfg.ringAfterMs, () => {
      if (busy) {
        ch.dialing = null;
        dial("BUSY");
        sw.hangup(ch, { cause: 17, by: "farEnd" });
        return;
      }
      sw.setState(ch, "Ringing");
      dial("RINGING");
      if (noAnswer) return;
      if (script?.behaviour === "decline") {
        // chan_pjsip_session_end queues the hangup with the 603's cause; the dial loop then reports it.
        timer(script.answerAfterMs ?? sw.cfg.answerAfterMs, () => sw.hangup(ch, { cause: 21, by: "farEnd" }));
        return;
      }
      timer(script?.answerAfterMs ?? sw.cfg.answerAfterMs, () => {
        sw.setState(ch, "Up");
        ch.dialing = null;
        dial("ANSWER");
        for (const t of ch.timers) clearTimeout(t);
        ch.timers.clear();
        sw.log.add("farEndAnswer", ch.id, {});
        if (script?.talkMs !== undefined) {
          // The agent ends the call: chan_pjsip.c chan_pjsip_session_end queues the hangup, cause 16.
          timer(script.talkMs, () => sw.hangup(ch, { cause: 16, by: "farEnd" }));
        }
        if (p.app) {
          sw.enterStasis(ch, p.app, p.appArgs ? p.appArgs.split(",") : []);
        } else {
          const target = { context: p.context || "default", exten: p.extension!, priority: p.priority || 1 };
          ch.continuedTo = target;
          sw.log.add("dialplan", ch.id, target);
          sw.enterDialplan(ch, target);
        }
      });
    });
  });
  return { status: 200, body };
}

/**
 * `Local/<exten>@<context>` (main/core_local.c, main/core_unreal.c): the ;1 half is the originated
 * channel (`Local/<exten>@<context>-%08x;1`, id = channelId); the ;2 half runs <context>,<exten> in the
 * dialplan. local_call refuses an extension that does not exist ("No such extension/context"). Here the
 * ;2 half is not a channel of its own: a context in `callerContexts` plays the caller with a script (its
 * Answer() answers at once), a context in `dialplan` answers and holds. The ;1 half then runs the app
 * straight from the originate (pbx_outgoing_exec, not __ast_pbx_run) and sends no audio frames of its
 * own: the other half only waits between its SendDTMF lines.
 */
function originateLocal(sw: SimSwitch, p: OriginateParams, resource: string, requestedAt: number): OriginateResult {
  const target = resource.replace(/\/[a-z]+$/i, "");
  const at = target.indexOf("@");
  const exten = at >= 0 ? target.slice(0, at) : target;
  const context = at >= 0 ? target.slice(at + 1) : "default";
  const cid = parseCallerId(p.callerId);
  const ch = new SimChannel(
    p.channelId || sw.newUniqueId(),
    sw.newLocalChannelName(`${exten}@${context}`),
    "Down",
    "",
    { ...cid },
    { ...cid },
    { context: "default", exten: "s", priority: 1, app_name: "", app_data: "" },
    asteriskTime(),
    "en",
    "outbound",
  );
  ch.sendsAudio = false;
  for (const [k, v] of Object.entries(p.variables ?? {})) ch.vars.set(k, v);
  sw.channels.set(ch.id, ch);
  if (p.app && sw.apps.isActive(p.app)) ch.apps.add(p.app);
  sw.log.add("originate", ch.id, { endpoint: p.endpoint, app: p.app, appArgs: p.appArgs, callerId: p.callerId, requestedAt });
  const body = ch.toJSON();
  const dial = (dialstatus: string) =>
    sw.emit(ch.apps, { type: "Dial", timestamp: asteriskTime(), dialstatus, forward: "", dialstring: resource, peer: ch.toJSON() });
  const script = sw.cfg.callerContexts[context];
  if (script !== undefined) sw.onCallerScript?.(ch, script);

  setImmediate(() => {
    if (ch.hungUp) return;
    ch.dialplan = { ...ch.dialplan, app_name: "AppDial2", app_data: "(Outgoing Line)" };
    dial("");
    if (script === undefined && !dialplanHas(sw.cfg.dialplan, context, exten)) {
      sw.log.add("localNoSuchExtension", ch.id, { exten, context });
      dial("CHANUNAVAIL");
      sw.hangup(ch, { cause: 0, by: "dialplan" });
      return;
    }
    sw.setState(ch, "Up");
    dial("ANSWER");
    sw.log.add("farEndAnswer", ch.id, { local: `${exten}@${context}` });
    if (p.app) sw.enterStasis(ch, p.app, p.appArgs ? p.appArgs.split(",") : []);
    else {
      const next = { context: p.context || "default", exten: p.extension!, priority: p.priority || 1 };
      ch.continuedTo = next;
      sw.enterDialplan(ch, next);
    }
  });
  return { status: 200, body };
}
