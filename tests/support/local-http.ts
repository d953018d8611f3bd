import type { HttpPolicy } from "@/flows-runtime/nodes/http-request/http-policy";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
}

export interface LocalHttpServer {
  /** http://127.0.0.1:port */
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A small HTTP server on 127.0.0.1 standing in for a bank or shop API. */
export async function startLocalHttpServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<LocalHttpServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    Promise.resolve(handle(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("test HTTP server is not listening on TCP");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** An HTTP policy that lets flows call this test server (127.0.0.1:port) and send it the named secrets. */
export function allowLocalServer(server: Pick<LocalHttpServer, "url">, secrets: string[] = []): HttpPolicy {
  const destination = new URL(server.url).host;
  return { allowed: [{ destination, allowInternal: false }], secrets: secrets.map((secret) => ({ secret, destinations: [destination] })) };
}
