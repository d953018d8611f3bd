import { readFile } from "node:fs/promises";
import { Client, Connection } from "@temporalio/client";
import type { WorkerConfig } from "./config";

export type TemporalConfig = WorkerConfig["temporal"];

export async function tlsOptions(tls: TemporalConfig["tls"]) {
  if (tls === null) return undefined;
  const [crt, key, ca] = await Promise.all([
    tls.certPath ? readFile(tls.certPath) : undefined,
    tls.keyPath ? readFile(tls.keyPath) : undefined,
    tls.caPath ? readFile(tls.caPath) : undefined,
  ]);
  return {
    serverNameOverride: tls.serverName,
    serverRootCACertificate: ca,
    clientCertPair: crt && key ? { crt, key } : undefined,
  };
}

/** Client used to start and signal call workflows (the web app too: it must not load the worker package). */
export async function connectClientToTemporal(config: TemporalConfig): Promise<Client> {
  const connection = await Connection.connect({ address: config.address, tls: await tlsOptions(config.tls) });
  return new Client({ connection, namespace: config.namespace });
}
