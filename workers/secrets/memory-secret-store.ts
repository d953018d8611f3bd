import type { SecretStore } from "./secret-store";

/** Fixed secrets, for tests and local development. */
export function createMemorySecretStore(values: Record<string, string>): SecretStore {
  const map = new Map(Object.entries(values));
  return { get: async (name) => map.get(name) };
}
