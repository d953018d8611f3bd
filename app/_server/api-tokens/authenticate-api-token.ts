import { timingSafeEqual } from "node:crypto";
import { prisma, type PrismaClient } from "@/prisma/client";
import { defaultLocale, localeSchema } from "@/app/_i18n/locales";
import { roleSchema } from "@/app/_server/auth/roles";
import type { Session } from "@/app/_server/auth/session";
import { apiTokenPrefix, hashApiToken } from "./token-hash";

/** lastUsedAt is for humans ("used 3 minutes ago"): one write a minute per token is plenty. */
const lastUsedResolutionMs = 60_000;

/**
 * The principal of a bearer token, or null when it is unknown, revoked, expired, its user is
 * deactivated, or it was issued by someone else. It acts as its user, who issued it, with that user's
 * current role (a demotion applies at once), limited to the token's scopes.
 */
export async function authenticateApiToken(token: string, db: PrismaClient = prisma()): Promise<Session | null> {
  if (!token.startsWith(apiTokenPrefix) || token.length > 200) return null;
  const hash = hashApiToken(token);
  const row = await db.apiToken.findUnique({ where: { tokenHash: hash }, include: { user: true } });
  // The lookup is by hash, so its timing says nothing about the token; compare in constant time anyway.
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash, "hex"), Buffer.from(hash, "hex"))) return null;
  const now = new Date();
  if (row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now) || row.user.deactivatedAt !== null) return null;
  // A token someone else minted for this user (possible before tokens were personal) would let its
  // issuer act, and approve, under another name: it is refused, whoever holds it.
  if (row.createdById !== row.userId) return null;
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() > lastUsedResolutionMs) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return {
    userId: row.user.id,
    role: roleSchema.parse(row.user.role),
    locale: localeSchema.catch(defaultLocale).parse(row.user.locale),
    name: row.user.name,
    email: row.user.email,
    apiToken: { id: row.id, name: row.name, scopes: row.scopes },
  };
}
