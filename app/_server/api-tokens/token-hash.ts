import { createHash, randomBytes } from "node:crypto";

/** Recognisable in logs and secret scanners; the rest is 256 random bits. */
export const apiTokenPrefix = "cct_";

export function newApiToken(): string {
  return `${apiTokenPrefix}${randomBytes(32).toString("base64url")}`;
}

/** A high-entropy token needs no slow hash: sha256 cannot be reversed and guessing is hopeless. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
