import net from "node:net";

export interface TcpProxy {
  /** host:port the proxy listens on (127.0.0.1, ephemeral port). */
  readonly host: string;
  readonly port: number;
  /** Drops every open connection and refuses new ones until restore(), as a cut network would. */
  cut(): void;
  restore(): void;
  readonly isCut: boolean;
  /** Connections accepted and forwarded so far. */
  readonly connectionsForwarded: number;
  close(): Promise<void>;
}

/**
 * A TCP forwarder for fault tests: put it between a client and a server (ARI's WebSocket, PostgreSQL…)
 * and cut the link while the test runs. Cutting destroys both sides of every connection (the client
 * sees a reset, not a clean close) and new connections are reset at once while cut.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let isCut = false;
  let forwarded = 0;

  const server = net.createServer((client) => {
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    forwarded += 1;
    const upstream = net.connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("TCP proxy: no port assigned");

  return {
    host: "127.0.0.1",
    port: address.port,
    cut() {
      isCut = true;
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    restore() {
      isCut = false;
    },
    get isCut() {
      return isCut;
    },
    get connectionsForwarded() {
      return forwarded;
    },
    async close() {
      for (const socket of open) socket.destroy();
      open.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `url` (postgresql://…, http://…) with its host and port replaced by the proxy's. */
export function proxiedUrl(url: string, proxy: TcpProxy): string {
  const parsed = new URL(url);
  parsed.hostname = proxy.host;
  parsed.port = String(proxy.port);
  return parsed.toString();
}
