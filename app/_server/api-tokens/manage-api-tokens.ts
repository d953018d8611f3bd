import { z } from "zod";
import { prisma, type PrismaClient } from "@/prisma/client";
import { canOnSomeKind } from "@/app/_server/auth/permissions";
import { roleSchema } from "@/app/_server/auth/roles";
import type { Session } from "@/app/_server/auth/session";
import { writeAudit } from "@/app/_server/audit/write-audit";
import { AppError, forbidden } from "@/app/_server/http/app-error";
import { apiTokenScopeSchema, apiTokenSelect, scopesForRole, toApiTokenView, type ApiTokenView } from "./api-token-view";
import { apiTokenPrefix, hashApiToken, newApiToken } from "./token-hash";

export const issueApiTokenInputSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  /** Only the issuer themself: a token acts as the person who holds it (kept for clients that send it). */
  userId: z.string().min(1).max(100).optional(),
  scopes: z.array(apiTokenScopeSchema).min(1, "choose at least one scope").max(50),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type IssueApiTokenInput = z.infer<typeof issueApiTokenInputSchema>;

export interface IssuedApiToken {
  /** Shown this once; only its sha256 is stored. */
  token: string;
  apiToken: ApiTokenView;
}

/**
 * Issues a token acting as the issuer. Never for another user: whoever minted it would hold a
 * credential in that user's name (and could approve their own change with it, four eyes borrowed).
 * An administrator may revoke anyone's token; a CI user signs in and issues its own.
 */
export async function issueApiToken(actor: Session, input: IssueApiTokenInput, db: PrismaClient = prisma()): Promise<IssuedApiToken> {
  if (input.userId !== undefined && input.userId !== actor.userId) {
    throw new AppError(403, "token_for_other_user", "An API token acts as the person who issues it: the user must sign in and issue their own.", { userId: input.userId });
  }
  if (actor.apiToken) throw new AppError(403, "token_needs_person", "API tokens are issued by a signed-in person, not by another token.");
  const userId = actor.userId;
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new AppError(404, "user_not_found", `User ${userId} does not exist.`, { userId });
  const role = roleSchema.parse(user.role);
  // A role that holds no action at all (agent) has nothing a token could do.
  if (scopesForRole(role).length === 0) throw forbidden("Your role has no permission an API token could carry.");
  const scopes = [...new Set(input.scopes)];
  const beyondRole = scopes.filter((scope) => !canOnSomeKind(role, scope));
  if (beyondRole.length > 0) {
    throw new AppError(422, "scope_beyond_role", `The user's role does not allow: ${beyondRole.join(", ")}.`, { scopes: beyondRole });
  }
  const token = newApiToken();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, apiTokenPrefix.length + 6),
        userId,
        scopes,
        createdById: actor.userId,
        expiresAt: input.expiresInDays === undefined ? null : new Date(Date.now() + input.expiresInDays * 86_400_000),
      },
      select: apiTokenSelect,
    });
    await writeAudit(tx, actor, {
      action: "apiToken.issue",
      targetType: "apiToken",
      targetId: created.id,
      details: { name: created.name, userId, scopes, expiresAt: created.expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { token, apiToken: toApiTokenView(row) };
}

const managesAll = (actor: Session) => canOnSomeKind(actor.role, "apiToken.manage");

/**
 * Revokes at once (the next request with it gets 401); revoking twice changes nothing. An
 * administrator revokes anyone's token, everyone else only their own.
 */
export async function revokeApiToken(actor: Session, tokenId: string, db: PrismaClient = prisma()): Promise<ApiTokenView> {
  return db.$transaction(async (tx) => {
    const mine = managesAll(actor) ? {} : { userId: actor.userId };
    const revoked = await tx.apiToken.updateMany({ where: { id: tokenId, revokedAt: null, ...mine }, data: { revokedAt: new Date(), revokedById: actor.userId } });
    const row = await tx.apiToken.findUnique({ where: { id: tokenId }, select: apiTokenSelect });
    if (!row) throw new AppError(404, "api_token_not_found", `API token ${tokenId} does not exist.`, { tokenId });
    if (row.user.id !== actor.userId && !managesAll(actor)) throw forbidden("Only an administrator revokes another user's API token.");
    if (revoked.count > 0) await writeAudit(tx, actor, { action: "apiToken.revoke", targetType: "apiToken", targetId: tokenId, details: { name: row.name } });
    return toApiTokenView(row);
  });
}

/** "visible": every token for an administrator, one's own for everyone else; "own": one's own. */
export async function listApiTokens(actor: Session, which: "visible" | "own" = "visible", db: PrismaClient = prisma()): Promise<ApiTokenView[]> {
  const all = which === "visible" && managesAll(actor);
  const rows = await db.apiToken.findMany({ where: all ? {} : { userId: actor.userId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: apiTokenSelect });
  return rows.map(toApiTokenView);
}
