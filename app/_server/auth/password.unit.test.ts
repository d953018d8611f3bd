import { describe, expect, it } from "vitest";
import { defaultScryptParams, hashPassword } from "./hash-password";
import { verifyPassword } from "./verify-password";

// Fast parameters where the strength is not the point; the default is checked separately.
const fast = { logN: 10, r: 8, p: 1 };

describe("password hashing", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple", fast);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash and never contains the password", async () => {
    const a = await hashPassword("same password", fast);
    const b = await hashPassword("same password", fast);
    expect(a).not.toBe(b);
    expect(a).not.toContain("same password");
  });

  it("uses OWASP's scrypt cost by default and records it in the hash", async () => {
    expect(defaultScryptParams).toEqual({ logN: 17, r: 8, p: 1 });
    const hash = await hashPassword("pw");
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]{20,}\$[A-Za-z0-9+/=]{80,}$/);
    expect(await verifyPassword("pw", hash)).toBe(true);
  });

  it("never matches a missing, malformed or tampered hash", async () => {
    const hash = await hashPassword("pw", fast);
    expect(await verifyPassword("pw", null)).toBe(false);
    expect(await verifyPassword("pw", "plain-text-password")).toBe(false);
    expect(await verifyPassword("pw", hash.replace("scrypt$10$", "scrypt$11$"))).toBe(false);
    // Parameters that would make one check allocate gigabytes are refused, not computed.
    expect(await verifyPassword("pw", hash.replace("scrypt$10$8$", "scrypt$22$8$"))).toBe(false);
  });
});
