import type { PrismaClient } from "@/prisma/client";
import { failureWindowMs, throttleDelaySeconds, type ThrottleKey } from "./throttle-policy";

/**
 * Counts one failed sign-in on every key (atomic increments, so parallel attempts from several web
 * processes all count) and sets how long each key must wait. Returns the longest wait, in seconds.
 */
export async function recordSignInFailure(db: PrismaClient, keys: readonly ThrottleKey[], now: Date): Promise<number> {
  let longest = 0;
  // Keys whose count has lapsed and whose wait is over mean nothing any more.
  const lapsed = new Date(now.getTime() - failureWindowMs);
  await db.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: lapsed }, blockedUntil: { lt: now } } });
  for (const { kind, key } of keys) {
    await db.signInThrottle.updateMany({ where: { key, lastFailureAt: { lt: lapsed } }, data: { failures: 0 } });
    const row = await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailureAt: now, blockedUntil: now },
      update: { failures: { increment: 1 }, lastFailureAt: now },
    });
    const delay = throttleDelaySeconds(kind, row.failures);
    if (delay > 0) await db.signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + delay * 1000) } });
    longest = Math.max(longest, delay);
  }
  return longest;
}

/** A correct password clears its account's count (not the address's: one valid account must not unlock guessing others). */
export async function clearAccountFailures(db: PrismaClient, accountKey: ThrottleKey): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: accountKey.key } });
}
