// Why scrypt (node:crypto) rather than bcryptjs: it ships with Node (no dependency to audit), it is
// memory-hard (GPU/ASIC guessing costs RAM, not just cycles), it runs on libuv's thread pool instead of
// blocking the event loop like pure-JS bcrypt, and it has no 72-byte password truncation.
import { randomBytes, scrypt, type ScryptOptions } from "node:crypto";

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
}

/** OWASP's scrypt recommendation (N=2^17, r=8, p=1): 128 MiB and about 0.3 s per hash on our 2-core boxes. */
export const defaultScryptParams: ScryptParams = { logN: 17, r: 8, p: 1 };

const keyLength = 64;
const saltLength = 16;

export function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** params.logN,
    r: params.r,
    p: params.p,
    // Node's default maxmem (32 MiB) is below what N=2^17 needs (128 * N * r bytes).
    maxmem: 2 * 128 * 2 ** params.logN * params.r,
  };
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Returns a self-describing hash: `scrypt$logN$r$p$salt$key` (base64), so parameters can be raised later. */
export async function hashPassword(password: string, params: ScryptParams = defaultScryptParams): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await scryptAsync(password, salt, params);
  return ["scrypt", params.logN, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}
