import { timingSafeEqual } from "node:crypto";
import { defaultScryptParams, hashPassword, scryptAsync } from "./hash-password";

const storedHashPattern = /^scrypt\$(\d{2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

function parseStoredHash(hash: string) {
  const match = storedHashPattern.exec(hash);
  if (!match) return null;
  const [, logN, r, p, salt, key] = match.map(String);
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  // Bounds keep a tampered row from making one sign-in allocate gigabytes.
  const memory = 128 * 2 ** params.logN * params.r;
  if (params.logN < 10 || params.r < 1 || params.p < 1 || params.p > 4 || memory > 256 * 1024 * 1024) return null;
  return { params, salt: Buffer.from(salt ?? "", "base64"), key: Buffer.from(key ?? "", "base64") };
}

/** Computed once so that checks for unknown e-mails cost as much as real ones (no user enumeration by timing). */
let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, storedHash: string | null): Promise<boolean> {
  const hash = storedHash ?? (await (dummyHash ??= hashPassword("not-a-password", defaultScryptParams)));
  const parsed = parseStoredHash(hash);
  if (!parsed) return false;
  const actual = await scryptAsync(password, parsed.salt, parsed.params);
  return storedHash !== null && parsed.key.length === actual.length && timingSafeEqual(parsed.key, actual);
}
