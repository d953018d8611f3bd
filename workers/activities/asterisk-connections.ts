import { createAriClient } from "../ari";
import type { AsteriskServer } from "../asterisk-servers";
import type { AsteriskConnection } from "./ari-activities";

/** One REST client per configured Asterisk, by id: a worker runs calls of every server. */
export function asteriskConnections(servers: readonly AsteriskServer[], app: string): Map<string, AsteriskConnection> {
  return new Map(
    servers.map((server) => [
      server.id,
      { ari: createAriClient({ url: server.url, username: server.username, password: server.password, app }), outboundTrunk: server.outboundTrunk },
    ]),
  );
}
