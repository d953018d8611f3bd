import { SECRET_NAME, type SecretStore } from "./secret-store";

export const SECRET_ENV_PREFIX = "CC_SECRET_";

/**
 * Secrets from environment variables: {{secret.crm_token}} reads CC_SECRET_crm_token (the name is
 * used exactly as written; environment names are case-sensitive). Empty values count as missing:
 * an empty token is a deployment mistake, better reported than sent.
 */
export function createEnvSecretStore(env: Record<string, string | undefined> = process.env): SecretStore {
  return {
    async get(name) {
      if (!SECRET_NAME.test(name)) return undefined;
      const value = env[SECRET_ENV_PREFIX + name];
      return value === undefined || value === "" ? undefined : value;
    },
  };
}
