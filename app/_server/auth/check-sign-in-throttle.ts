import type { PrismaClient } from "@/prisma/client";
import { SignInRefused } from "./sign-in-refused";
import type { ThrottleKey } from "./throttle-policy";

/** Refuses (without hashing anything) while the account or the address is still waiting out a delay. */
export async function checkSignInThrottle(db: PrismaClient, keys: readonly ThrottleKey[], now: Date): Promise<void> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) }, blockedUntil: { gt: now } } });
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil.getTime()));
  if (until > now.getTime()) throw new SignInRefused("SignInThrottled", Math.ceil((until - now.getTime()) / 1000));
}
