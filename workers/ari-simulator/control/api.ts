import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimSwitch } from "../switch";
import { readBody } from "../http/ari-http";
import { EndpointRequestSchema, EndpointScriptSchema, parseEndpointDsl } from "../endpoints";
import { DelayResponsesSchema, DropEventsSchema } from "../faults";
import { type CallManager, PlaceCallSchema } from "./calls";

function json(res: ServerResponse, status: number, body?: unknown): void {
  const payload = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) });
  res.end(payload);
}

/**
 * Control API under /_sim/ (not part of ARI, no auth):
 *   POST   /_sim/calls                 {to, from, callerName?, app?, args?, language?, script?} -> 201 {callId}
 *   GET    /_sim/calls                 -> [{callId, state, done}]
 *   GET    /_sim/calls/:id             -> CallStatus
 *   GET    /_sim/calls/:id/wait?timeoutMs=  -> CallStatus once the call ended (408 on timeout)
 *   POST   /_sim/calls/:id/dtmf        {digits, durationMs?, gapMs?} -> 204
 *   DELETE /_sim/calls/:id             -> 204, the caller (or far end) hangs up
 *   GET    /_sim/log?channelId=&kind=  -> {entries}
 *   POST   /_sim/faults/drop-events    {channelId?, types, count?} -> 204: matching events are not sent
 *   POST   /_sim/faults/delay-responses {method, path (regex after /ari), ms, count?} -> 204: answers held back
 *   DELETE /_sim/faults                -> 204: no more faults
 *   GET    /_sim/endpoints             -> [{technology, resource, script}]
 *   PUT    /_sim/endpoints/:tech/:res  {behaviour?, registered?, ringAfterMs?, answerAfterMs?, talkMs?} or DSL text -> 200 {script}
 *   DELETE /_sim/endpoints/:tech/:res  -> 204 (the endpoint no longer exists)
 */
export async function handleControl(sw: SimSwitch, calls: CallManager, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const parts = url.pathname.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
  const method = req.method ?? "GET";
  try {
    if (parts[0] === "calls" && parts.length === 1) {
      if (method === "GET") return json(res, 200, calls.list());
      if (method !== "POST") return json(res, 405, { message: "Invalid method" });
      const body: unknown = JSON.parse((await readBody(req)).toString() || "{}");
      const parsed = PlaceCallSchema.safeParse(body);
      if (!parsed.success) return json(res, 400, { message: parsed.error.message });
      let ch;
      try {
        ch = calls.place(parsed.data);
      } catch (err) {
        return json(res, 400, { message: err instanceof Error ? err.message : String(err) });
      }
      return json(res, 201, { callId: ch.id, rejected: ch.destroyed });
    }
    if (parts[0] === "calls" && parts[1]) {
      const id = parts[1];
      if (parts[2] === "wait" && method === "GET") {
        if (!calls.has(id)) return json(res, 404, { message: "Call not found" });
        const ended = await calls.wait(id, Number(url.searchParams.get("timeoutMs") ?? 30_000));
        return json(res, ended ? 200 : 408, calls.status(id));
      }
      if (parts[2] === "dtmf" && method === "POST") {
        const ch = sw.channels.get(id);
        if (!ch) return json(res, 404, { message: "Call not found" });
        const body = JSON.parse((await readBody(req)).toString() || "{}") as { digits?: string; durationMs?: number; gapMs?: number };
        const digits = [...(body.digits ?? "")];
        void (async () => {
          for (let i = 0; i < digits.length; i++) {
            if (i > 0) await sw.clock.sleep(body.gapMs ?? 200);
            const d = body.durationMs ?? sw.cfg.dtmfDurationMs;
            await sw.clock.sleep(d);
            sw.dtmf(ch, digits[i]!, d);
          }
        })();
        return json(res, 204);
      }
      if (parts.length === 2 && method === "GET") {
        const status = calls.status(id);
        return status ? json(res, 200, status) : json(res, 404, { message: "Call not found" });
      }
      if (parts.length === 2 && method === "DELETE") {
        const ch = sw.channels.get(id);
        if (!ch) return json(res, calls.has(id) ? 204 : 404, calls.has(id) ? undefined : { message: "Call not found" });
        sw.hangup(ch, { cause: 16, by: calls.has(id) && !ch.endpoint ? "caller" : "farEnd" });
        return json(res, 204);
      }
    }
    if (parts[0] === "faults" && parts[1] === "drop-events" && parts.length === 2 && method === "POST") {
      const parsed = DropEventsSchema.safeParse(JSON.parse((await readBody(req)).toString() || "{}"));
      if (!parsed.success) return json(res, 400, { message: parsed.error.message });
      sw.faults.drop(parsed.data);
      return json(res, 204);
    }
    if (parts[0] === "faults" && parts[1] === "delay-responses" && parts.length === 2 && method === "POST") {
      const parsed = DelayResponsesSchema.safeParse(JSON.parse((await readBody(req)).toString() || "{}"));
      if (!parsed.success) return json(res, 400, { message: parsed.error.message });
      sw.faults.delayResponses(parsed.data);
      return json(res, 204);
    }
    if (parts[0] === "faults" && parts.length === 1 && method === "DELETE") {
      sw.faults.clear();
      return json(res, 204);
    }
    if (parts[0] === "endpoints" && parts.length === 1 && method === "GET") {
      return json(res, 200, sw.endpoints.list());
    }
    if (parts[0] === "endpoints" && parts.length === 3) {
      const [, techIn, resource] = parts;
      const tech = sw.cfg.technologies.find((t) => t.toLowerCase() === techIn!.toLowerCase());
      if (!tech) return json(res, 400, { message: `technology ${techIn} is not configured (option technologies)` });
      if (method === "PUT") {
        const parsed = EndpointRequestSchema.safeParse(JSON.parse((await readBody(req)).toString() || "{}"));
        if (!parsed.success) return json(res, 400, { message: parsed.error.message });
        const script = typeof parsed.data === "string" ? parseEndpointDsl(parsed.data) : EndpointScriptSchema.parse(parsed.data);
        const ep = sw.endpoints.set(tech, resource!, script);
        sw.log.add("endpointSet", undefined, { endpoint: `${tech}/${resource}`, script });
        return json(res, 200, ep);
      }
      if (method === "DELETE") {
        return sw.endpoints.delete(tech, resource!) ? json(res, 204) : json(res, 404, { message: "Endpoint not found" });
      }
    }
    if (parts[0] === "log" && method === "GET") {
      const channelId = url.searchParams.get("channelId");
      const kind = url.searchParams.get("kind");
      const entries = sw.log.entries.filter((e) => (!channelId || e.channelId === channelId) && (!kind || e.kind === kind));
      return json(res, 200, { entries });
    }
    return json(res, 404, { message: "Resource not found" });
  } catch (err) {
    return json(res, 400, { message: err instanceof Error ? err.message : String(err) });
  }
}
