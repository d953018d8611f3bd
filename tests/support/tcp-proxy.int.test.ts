import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

function echoServer(): Promise<net.Server> {
  // A reset from the proxy is expected here: ignore the echo side's error.
  const server = net.createServer((socket) => socket.on("error", () => undefined).pipe(socket));
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function portOf(server: net.Server): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Sends `text` and resolves with what came back, or with the socket error's code. */
function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    socket.once("data", (data) => {
      resolve(data.toString());
      socket.destroy();
    });
    socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    socket.once("close", () => resolve("closed"));
  });
}

describe("tcp proxy for fault tests", () => {
  let server: net.Server;
  let proxy: TcpProxy;
  beforeAll(async () => {
    server = await echoServer();
    proxy = await startTcpProxy({ host: "127.0.0.1", port: portOf(server) });
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("forwards, cuts open connections, refuses new ones while cut, and forwards again after restore", async () => {
    expect(await roundTrip(proxy.port, "hello")).toBe("hello");

    const open = net.connect(proxy.port, "127.0.0.1");
    await new Promise((resolve) => open.once("connect", resolve));
    const ended = new Promise<string>((resolve) => {
      open.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
      open.once("close", () => resolve("closed"));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    proxy.cut();
    expect(await ended).toBe("ECONNRESET");
    expect(await roundTrip(proxy.port, "while cut")).toBe("ECONNRESET");

    proxy.restore();
    expect(await roundTrip(proxy.port, "again")).toBe("again");
    expect(proxy.connectionsForwarded).toBe(3);
  });
});
