import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { defaultLocale, localeSchema } from "@/app/_i18n/locales";
import { writeSignInFailure } from "@/app/_server/audit/write-sign-in-failure";
import { clientIp } from "@/app/_server/http/client-ip";
import { checkSignInThrottle } from "./check-sign-in-throttle";
import { hashingQueue, type HashingQueue } from "./hashing-queue";
import { clearAccountFailures, recordSignInFailure } from "./record-sign-in-failure";
import { roleSchema } from "./roles";
import { throttleKeys } from "./throttle-policy";
import { verifyPassword } from "./verify-password";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export const signedInUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  locale: localeSchema.catch(defaultLocale),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export interface SignInContext {
  /** The sign-in request's headers (next-auth hands them over as a plain object). */
  headers?: Headers | Record<string, unknown>;
  db?: PrismaClient;
  queue?: HashingQueue;
  now?: () => Date;
}

function toHeaders(headers: SignInContext["headers"]): Headers {
  if (headers instanceof Headers) return headers;
  const result = new Headers();
  for (const [name, value] of Object.entries(headers ?? {})) if (typeof value === "string") result.set(name, value);
  return result;
}

/**
 * The user these credentials belong to, or null. Unknown e-mails take as long as wrong passwords.
 * Throws SignInRefused, before any hashing, while the account or the client address waits out the
 * delay that its failures earned (check-sign-in-throttle.ts), or when too many checks are queued.
 */
export async function verifyCredentials(input: unknown, context: SignInContext = {}): Promise<SignedInUser | null> {
  const db = context.db ?? prisma();
  const now = context.now ?? (() => new Date());
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const ip = clientIp(toHeaders(context.headers));
  const keys = throttleKeys(parsed.data.email, ip);
  await checkSignInThrottle(db, keys.all, now());

  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await (context.queue ?? hashingQueue).run(() => verifyPassword(parsed.data.password, user?.passwordHash ?? null));
  if (user && ok && user.deactivatedAt === null) {
    await clearAccountFailures(db, keys.account);
    return signedInUserSchema.parse(user);
  }
  const blockedForSeconds = await recordSignInFailure(db, keys.all, now());
  await writeSignInFailure(db, { email: parsed.data.email, userId: user?.id ?? null, ip, reason: user && ok ? "deactivated" : "invalid_credentials", blockedForSeconds });
  return null;
}
