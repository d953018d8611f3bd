export { createEnvSecretStore, SECRET_ENV_PREFIX } from "./env-secret-store";
export { createMemorySecretStore } from "./memory-secret-store";
export { SECRET_NAME, type SecretStore } from "./secret-store";
