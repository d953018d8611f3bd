import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import type { SimSwitch } from "../switch";
import { STATUS_TEXT, authenticate, htmlError, serverHeader } from "./ari-http";

function writeRaw(socket: Duplex, status: number, headers: Record<string, string>, body: string): void {
  const lines = [`HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? ""}`];
  for (const [k, v] of Object.entries({ ...headers, "Content-Length": String(Buffer.byteLength(body)), Connection: "close" })) {
    lines.push(`${k}: ${v}`);
  }
  socket.end(lines.join("\r\n") + "\r\n\r\n" + body);
}

/**
 * GET /ari/events upgrade: 401 JSON for bad credentials (checked before routing, as res_ari does),
 * 400 HTML "Missing param 'app'" from the events resource, then one socket registered for the apps.
 */
export function createEventsUpgrade(sw: SimSwitch): {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
} {
  const wss = new WebSocketServer({ noServer: true });
  const version = sw.cfg.version;
  return {
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname !== "/ari/events") {
        const e = htmlError(404, "Not Found", "The requested URL was not found on this server.", version);
        return writeRaw(socket, 404, e.head, e.body);
      }
      if (!authenticate(req, url, sw.cfg.username, sw.cfg.password)) {
        return writeRaw(
          socket,
          401,
          { ...serverHeader(version), "WWW-Authenticate": 'Basic realm="Asterisk REST Interface"', "Content-Type": "application/json" },
          JSON.stringify({ message: "Authentication required" }),
        );
      }
      const apps = url.searchParams.getAll("app").flatMap((a) => a.split(","));
      if (apps.length === 0) {
        const e = htmlError(400, "Bad Request", "Missing param 'app'", version);
        return writeRaw(socket, 400, e.head, e.body);
      }
      if (apps.some((a) => a.length === 0)) {
        const e = htmlError(400, "Bad Request", "Invalid application provided in param 'app'.", version);
        return writeRaw(socket, 400, e.head, e.body);
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        sw.apps.attach(apps, ws);
        sw.log.add("wsConnected", undefined, { apps });
        ws.on("close", () => {
          sw.apps.detach(ws);
          sw.log.add("wsDisconnected", undefined, { apps });
        });
        ws.on("error", () => ws.terminate());
      });
    },
    close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
