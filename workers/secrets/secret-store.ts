/** Where HTTP requests get the values of their {{secret.NAME}} placeholders. */
export interface SecretStore {
  /** undefined when no secret of that name is configured. */
  get(name: string): Promise<string | undefined>;
}

/** The names flows may reference (the same rule as the template parser). */
export const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
