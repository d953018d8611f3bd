import type { Client } from "@temporalio/client";
import { loadConfig } from "@/workers/config";
import { connectClientToTemporal } from "@/workers/temporal-client";

let client: Promise<Client> | null = null;

/** The web app's Temporal client, connected on first use (again after a failed connect). */
export function webAppClient(): Promise<Client> {
  client ??= connectClientToTemporal(loadConfig().temporal).catch((error: unknown) => {
    client = null;
    throw error;
  });
  return client;
}
