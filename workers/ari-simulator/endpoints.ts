import { z } from "zod";

/**
 * How a simulated PJSIP endpoint (an agent's phone) takes a call originated to it:
 * - answer: rings after ringAfterMs, answers answerAfterMs later; with talkMs it hangs up (BYE) that long after answering
 * - busy: answers 486 Busy Here after ringAfterMs (Dial BUSY, cause 17)
 * - noAnswer: rings until the originate timeout (cause 19)
 * - decline: rings, then rejects after answerAfterMs (603 Decline: cause 21, res/res_pjsip.c ast_sip_hangup_sip2cause)
 * registered: false = no contact: Asterisk refuses the originate (500 Allocation failed), the endpoint is offline.
 */
export const EndpointScriptSchema = z.object({
  behaviour: z.enum(["answer", "busy", "noAnswer", "decline"]).default("answer"),
  registered: z.boolean().default(true),
  ringAfterMs: z.number().int().min(0).optional(),
  answerAfterMs: z.number().int().min(0).optional(),
  talkMs: z.number().int().min(0).optional(),
});
export type EndpointScript = z.infer<typeof EndpointScriptSchema>;
export type EndpointScriptInput = z.input<typeof EndpointScriptSchema>;

/** Control API body: a script object or its text form (parseEndpointDsl). */
export const EndpointRequestSchema = z.union([z.string(), EndpointScriptSchema]);

/**
 * Text form of an endpoint script, steps separated by ";":
 *   answer after 2s | ring 100ms | talk 30s | busy | no answer | decline [after 3s] | unregistered
 * e.g. "answer after 2s; talk 30s" = rings, answers after 2 s, hangs up 30 s later.
 */
export function parseEndpointDsl(text: string): EndpointScript {
  const script: EndpointScriptInput = {};
  const steps = text
    .split(/[;\n]/)
    .map((l) => l.trim().toLowerCase().replace(/\s+/g, " "))
    .filter((l) => l.length > 0);
  for (const step of steps) {
    let m: RegExpExecArray | null;
    if ((m = /^answer(?:s)?(?: after (\S+))?$/.exec(step))) {
      script.behaviour = "answer";
      if (m[1]) script.answerAfterMs = duration(m[1], step);
    } else if ((m = /^ring(?:s)? (?:after )?(\S+)$/.exec(step))) {
      script.ringAfterMs = duration(m[1]!, step);
    } else if ((m = /^(?:talk|hangup after|hang up after) (\S+)$/.exec(step))) {
      script.talkMs = duration(m[1]!, step);
    } else if ((m = /^decline(?:s)?(?: after (\S+))?$/.exec(step))) {
      script.behaviour = "decline";
      if (m[1]) script.answerAfterMs = duration(m[1], step);
    } else if (step === "busy") {
      script.behaviour = "busy";
    } else if (step === "no answer" || step === "noanswer") {
      script.behaviour = "noAnswer";
    } else if (step === "unregistered" || step === "offline") {
      script.registered = false;
    } else {
      throw new Error(`cannot parse endpoint step "${step}"`);
    }
  }
  return EndpointScriptSchema.parse(script);
}

function duration(s: string, step: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(s);
  if (!m) throw new Error(`bad duration "${s}" in "${step}"`);
  const n = Number(m[1]);
  return Math.round(m[2] === "ms" ? n : m[2] === "m" ? n * 60_000 : n * 1000);
}

export interface SimEndpoint {
  technology: string;
  resource: string;
  script: EndpointScript;
}

/** The PJSIP endpoints the simulated Asterisk has configured (pjsip.conf), keyed "PJSIP/<resource>". */
export class SimEndpoints {
  private readonly byKey = new Map<string, SimEndpoint>();

  static key(technology: string, resource: string): string {
    return `${technology.toUpperCase()}/${resource}`;
  }

  set(technology: string, resource: string, script: EndpointScript): SimEndpoint {
    const ep = { technology, resource, script };
    this.byKey.set(SimEndpoints.key(technology, resource), ep);
    return ep;
  }

  get(technology: string, resource: string): SimEndpoint | undefined {
    return this.byKey.get(SimEndpoints.key(technology, resource));
  }

  delete(technology: string, resource: string): boolean {
    return this.byKey.delete(SimEndpoints.key(technology, resource));
  }

  list(): SimEndpoint[] {
    return [...this.byKey.values()];
  }
}

/**
 * ast_endpoint_snapshot_to_json (main/stasis_endpoints.c): technology, resource, state, channel_ids.
 * A PJSIP endpoint is online while a contact is reachable (res/res_pjsip/pjsip_configuration.c).
 */
export function endpointJson(ep: SimEndpoint, channelIds: string[]): Record<string, unknown> {
  return {
    technology: ep.technology,
    resource: ep.resource,
    state: ep.script.registered ? "online" : "offline",
    channel_ids: channelIds,
  };
}
