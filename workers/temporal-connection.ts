import { readFile } from "node:fs/promises";
import { Client, Connection } from "@temporalio/client";
import { NativeConnection } from "@temporalio/worker";
import type { WorkerConfig } from "./config";

type TemporalConfig = WorkerConfig["temporal"];

async function tlsOptions(tls: TemporalConfig["tls"]) {
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

/** Connection for a Worker (same address, namespace and TLS as the client). */
export async function connectWorkerToTemporal(config: TemporalConfig): Promise<NativeConnection> {
  return NativeConnection.connect({ address: config.address, tls: await tlsOptions(config.tls) });
}

/** Client used to start and signal call workflows. */
export async function connectClientToTemporal(config: TemporalConfig): Promise<Client> {
  const connection = await Connection.connect({ address: config.address, tls: await tlsOptions(config.tls) });
  return new Client({ connection, namespace: config.namespace });
}
