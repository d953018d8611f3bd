import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { now } from "./clock";
import { type SimulatorOptions, resolveConfig } from "./config";
import { handleControl } from "./control/api";
import { CallManager } from "./control/calls";
import { parseScriptDsl } from "./script/dsl";
import { type SimulatorControl, createSimulatorControl } from "./control/client";
import {
  type AriResponse,
  Params,
  authenticate,
  error,
  htmlError,
  parseParams,
  readBody,
  sendAri,
  unauthorized,
} from "./http/ari-http";
import { buildAriRouter } from "./http/ari-routes";
import { createEventsUpgrade } from "./http/websocket";
import { SimSwitch } from "./switch";

export interface AriSimulator {
  /** http://host:port (the ARI base URL without /ari). */
  url: string;
  port: number;
  close(): Promise<void>;
  control: SimulatorControl;
  /** In-process access to the switch state (tests). */
  sw: SimSwitch;
}

/** Starts the ARI simulator: ARI over HTTP + WebSocket on /ari, control API on /_sim. */
export async function startAriSimulator(options: SimulatorOptions = {}): Promise<AriSimulator> {
  const cfg = resolveConfig({ port: 0, ...options });
  for (const [context, script] of Object.entries(cfg.callerContexts)) {
    try {
      parseScriptDsl(script);
    } catch (err) {
      throw new Error(`callerContexts.${context}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const sw = new SimSwitch(cfg);
  const calls = new CallManager(sw);
  sw.onCallerScript = (ch, script) => calls.adopt(ch, script);
  sw.onEndpointChannel = (ch) => calls.track(ch);
  const router = buildAriRouter();
  const version = cfg.version;

  async function handleAri(req: IncomingMessage, res: ServerResponse, url: URL, receivedAt: number): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return sendAri(res, error(413, "Request body too large"), version);
    }
    const params = parseParams(url, req.headers["content-type"], body);
    if (!(params instanceof Params)) return sendAri(res, params, version);
    if (!authenticate(req, url, cfg.username, cfg.password)) return sendAri(res, unauthorized(), version);
    const path = url.pathname.slice("/ari".length);
    if (path.length > 1 && path.endsWith("/")) {
      return sendAri(res, error(404, `ARI URLs do not end with a slash. Try /ari${path.slice(0, -1)}`), version);
    }
    const route = router.resolve(path, req.method ?? "GET");
    if (!("handler" in route)) return sendAri(res, route, version);
    if (path === "/events" && req.method === "GET") {
      const e = htmlError(426, "Upgrade Required", "", version);
      res.writeHead(426, "Upgrade Required", e.head);
      return void res.end(e.body);
    }
    let r: AriResponse;
    try {
      r = await route.handler({ sw, params, vars: route.vars, receivedAt });
    } catch (err) {
      r = error(500, err instanceof Error ? err.message : String(err));
    }
    // Every request with its answer, so a test can tell which switch a command reached (several Asterisk servers).
    sw.log.add("ariRequest", route.vars.channelId, { method: req.method ?? "GET", path, status: r.status, requestedAt: receivedAt }, receivedAt);
    const delayMs = sw.faults.responseDelayMs(req.method ?? "GET", path);
    if (delayMs > 0) {
      // Tests wait for this entry to know the client is now waiting for the answer.
      sw.log.add("responseHeld", undefined, { method: req.method ?? "GET", path, ms: delayMs });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    sendAri(res, r, version);
  }

  const server: Server = createServer((req, res) => {
    const receivedAt = now();
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname.startsWith("/_sim/")) {
      void handleControl(sw, calls, req, res, url);
    } else if (url.pathname === "/ari" || url.pathname.startsWith("/ari/")) {
      void handleAri(req, res, url, receivedAt);
    } else {
      const e = htmlError(404, "Not Found", "The requested URL was not found on this server.", version);
      res.writeHead(404, "Not Found", e.head);
      res.end(e.body);
    }
  });
  server.keepAliveTimeout = 30_000;
  const ws = createEventsUpgrade(sw);
  server.on("upgrade", (req, socket, head) => ws.handleUpgrade(req, socket, head));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(cfg.port, cfg.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${cfg.host}:${port}`;
  return {
    url,
    port,
    control: createSimulatorControl(url),
    sw,
    async close() {
      sw.shutdown();
      ws.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
