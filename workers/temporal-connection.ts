import { NativeConnection } from "@temporalio/worker";
import { tlsOptions, type TemporalConfig } from "./temporal-client";

export { connectClientToTemporal } from "./temporal-client";

/** Connection for a Worker (same address, namespace and TLS as the client). */
export async function connectWorkerToTemporal(config: TemporalConfig): Promise<NativeConnection> {
  return NativeConnection.connect({ address: config.address, tls: await tlsOptions(config.tls) });
}
